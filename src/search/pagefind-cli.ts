import { execFile, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { DatelineError } from "../errors.js";

/**
 * Runs Pagefind's own binary (shipped in the `@pagefind/<platform>-<arch>` package that npm
 * installs with `pagefind`). The CLI indexes faster than the Node API, which feeds records one by
 * one through a single service process; and as a child process its memory is its own.
 */

/** Pagefind could not be found or failed; the message says which shard and what it printed. */
export class SearchIndexError extends DatelineError {
  override name = "SearchIndexError";
}

/** The binary's path: `PAGEFIND_BINARY_PATH` if set (as Pagefind's own wrapper allows), else the npm package's. */
export function resolvePagefindBinary(): string {
  const fromEnv = process.env.PAGEFIND_BINARY_PATH ?? process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  if (fromEnv) return fromEnv;
  const require = createRequire(import.meta.url);
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const suffix = platform === "windows" ? ".exe" : "";
  const tried: string[] = [];
  for (const name of ["pagefind_extended", "pagefind"]) {
    const specifier = `@pagefind/${platform}-${process.arch}/bin/${name}${suffix}`;
    tried.push(specifier);
    try {
      return require.resolve(specifier);
    } catch {
      // try the next name
    }
  }
  throw new SearchIndexError(
    `search: no Pagefind binary for ${platform}-${process.arch}; looked for ${tried.join(", ")}\n` +
      `  hint: run \`npm install\` (the binary comes with the pagefind package), set PAGEFIND_BINARY_PATH, or build with --no-search`,
  );
}

export interface PagefindRun {
  readonly site: string;
  readonly glob: string;
  readonly outputPath: string;
  readonly language: string;
}

/** `pagefind_extended 1.6.0`: part of each shard's hash, so a new Pagefind re-indexes everything. */
export function readPagefindVersion(binary: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, ["--version"], (error, stdout) => {
      if (error) reject(new SearchIndexError(`search: could not run Pagefind (${binary}): ${error.message}`, { cause: error }));
      else resolve(stdout.trim());
    });
  });
}

/**
 * Runs in a Node process of its own between the build and Pagefind. It reads a pipe from the
 * build that nothing is written to: when the build dies, even by SIGKILL, the pipe closes and
 * the watchdog kills Pagefind at once. Without it an orphaned Pagefind would go on writing into
 * the staging tree, the one the next build writes into. Plain JavaScript, for `node -e`.
 */
const WATCHDOG = `
const { spawn } = require("node:child_process");
const [binary, ...args] = process.argv.slice(1);
const child = spawn(binary, args, { stdio: ["ignore", "inherit", "inherit"] });
process.stdin.on("end", () => { child.kill("SIGKILL"); process.exit(1); });
process.stdin.on("error", () => { child.kill("SIGKILL"); process.exit(1); });
process.stdin.resume();
child.on("error", (error) => { process.stderr.write("could not start Pagefind: " + error.message + "\\n"); process.exit(127); });
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 1);
});
`;

/** Exit code of the watchdog when Pagefind's binary could not be started. */
const COULD_NOT_START = 127;

/** One Pagefind run; rejects with its output when it exits non-zero. */
export function runPagefind(binary: string, run: PagefindRun): Promise<void> {
  const args = ["--site", run.site, "--glob", run.glob, "--output-path", run.outputPath, "--force-language", run.language, "--silent"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=commonjs", "-e", WATCHDOG, "--", binary, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    // The pipe only signals that this process is alive; a watchdog gone early must not crash the build.
    child.stdin.on("error", () => undefined);
    child.on("error", (error) => reject(new SearchIndexError(`search: could not start Pagefind's watchdog (${process.execPath}): ${error.message}`, { cause: error })));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else if (code === COULD_NOT_START) reject(new SearchIndexError(`search: could not start Pagefind (${binary}): ${output.trim()}`));
      else reject(new SearchIndexError(`search: Pagefind exited with ${signal ?? `code ${code}`} indexing ${run.glob}\n${output.trim()}`));
    });
  });
}
