import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPagefind, SearchIndexError } from "../../../src/search/pagefind-cli.js";
import { startCommand } from "../../helpers/cli.js";
import { isAlive, waitFor } from "../../helpers/processes.js";

/** `runPagefind` with stand-in binaries: its errors, and that Pagefind never outlives the build. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-pagefind-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fakeBinary(name: string, script: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

/** A pid file is written whole only once its process runs. */
const hasText = (file: string) => existsSync(file) && readFileSync(file, "utf8").trim() !== "";

const RUN = { site: "site", glob: "**/*.html", outputPath: "out", language: "en" };

describe("runPagefind", () => {
  it("passes Pagefind its arguments and resolves when it exits 0", async () => {
    const args = join(dir, "args.txt");
    const binary = await fakeBinary("ok", `printf '%s\\n' "$@" > ${JSON.stringify(args)}`);
    await runPagefind(binary, RUN);
    expect((await readFile(args, "utf8")).trim().split("\n")).toEqual(["--site", "site", "--glob", "**/*.html", "--output-path", "out", "--force-language", "en", "--silent"]);
  });

  it("rejects with the shard and what Pagefind printed when it fails", async () => {
    const binary = await fakeBinary("fails", "echo 'Error: no pages found' >&2; exit 3");
    const error = await runPagefind(binary, RUN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect((error as Error).message).toBe("search: Pagefind exited with code 3 indexing **/*.html\nError: no pages found");
  });

  it("rejects naming the binary when it cannot be started", async () => {
    const missing = join(dir, "no-such-pagefind");
    const error = await runPagefind(missing, RUN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchIndexError);
    expect((error as Error).message).toMatch(new RegExp(`^search: could not start Pagefind \\(${missing}\\): could not start Pagefind: spawn ${missing} ENOENT$`));
  });

  it("kills Pagefind at once when the process that ran it is killed with SIGKILL", { timeout: 30_000 }, async () => {
    const pagefindPid = join(dir, "pagefind.pid");
    const buildPid = join(dir, "build.pid");
    // A "Pagefind" that would write for 30 s: it must not outlive the build.
    const binary = await fakeBinary("slow", `echo $$ > ${JSON.stringify(pagefindPid)}; exec sleep 30`);
    const run = startCommand("tests/fixtures/scripts/run-pagefind.ts", [buildPid, binary], dir);
    try {
      expect(await waitFor(() => hasText(pagefindPid) && hasText(buildPid), 15_000), run.output()).toBe(true);
      const pagefind = Number(await readFile(pagefindPid, "utf8"));
      expect(isAlive(pagefind)).toBe(true);
      // Only the build's own process, not its group: what an out-of-memory killer does.
      process.kill(Number(await readFile(buildPid, "utf8")), "SIGKILL");
      expect(await waitFor(() => !isAlive(pagefind), 2_000), "Pagefind still runs 2 s after the build was killed").toBe(true);
    } finally {
      await run.kill("SIGKILL");
    }
  });
});
