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

/** One Pagefind run; rejects with its output when it exits non-zero. */
export function runPagefind(binary: string, run: PagefindRun): Promise<void> {
  const args = ["--site", run.site, "--glob", run.glob, "--output-path", run.outputPath, "--force-language", run.language, "--silent"];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", (error) => reject(new SearchIndexError(`search: could not start Pagefind (${binary}): ${error.message}`, { cause: error })));
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else reject(new SearchIndexError(`search: Pagefind exited with ${signal ?? `code ${code}`} indexing ${run.glob}\n${output.trim()}`));
    });
  });
}
