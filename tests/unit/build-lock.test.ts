import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BuildLockedError } from "../../src/errors.js";
import { acquireBuildLock } from "../../src/output/build-lock.js";

let dir: string;
let lockFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-lock-"));
  lockFile = join(dir, "state", "build-_site.lock");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("acquireBuildLock", () => {
  it("writes its pid into the lock file and removes it on release (twice is fine)", async () => {
    const lock = await acquireBuildLock(lockFile);
    expect(await readFile(lockFile, "utf8")).toBe(String(process.pid));
    await lock.release();
    await lock.release();
    expect(await readdir(join(dir, "state"))).toEqual([]);
  });

  it("refuses while another live process holds the lock, naming it", async () => {
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await mkdir(join(dir, "state"), { recursive: true });
      await writeFile(lockFile, String(holder.pid));
      const error = await acquireBuildLock(lockFile, { waitMs: 300, outputLabel: "_site" }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BuildLockedError);
      expect((error as Error).message).toBe(
        `another build (process ${holder.pid}) is writing _site; waited 0 s for it. Wait for it to finish, or stop it, then build again (the lock is ${lockFile}).`,
      );
      expect(await readFile(lockFile, "utf8")).toBe(String(holder.pid));
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over a lock whose owner is gone (killed build)", async () => {
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
    await mkdir(join(dir, "state"), { recursive: true });
    await writeFile(lockFile, String(gone));
    const lock = await acquireBuildLock(lockFile, { waitMs: 0 });
    expect(await readFile(lockFile, "utf8")).toBe(String(process.pid));
    await lock.release();
  });

  it("takes over an unreadable lock", async () => {
    await mkdir(join(dir, "state"), { recursive: true });
    await writeFile(lockFile, "not a pid");
    const lock = await acquireBuildLock(lockFile, { waitMs: 0 });
    await lock.release();
  });

  it("makes a second build in the same process wait for the first", async () => {
    const first = await acquireBuildLock(lockFile);
    await expect(acquireBuildLock(lockFile, { waitMs: 300 })).rejects.toBeInstanceOf(BuildLockedError);
    const second = acquireBuildLock(lockFile, { waitMs: 10_000 });
    await first.release();
    const lock = await second;
    expect(await readFile(lockFile, "utf8")).toBe(String(process.pid));
    await lock.release();
  });

  it("lets exactly one of several concurrent builds in", async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => acquireBuildLock(lockFile, { waitMs: 0 })));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    for (const a of attempts) if (a.status === "fulfilled") await a.value.release();
    expect(await readdir(join(dir, "state"))).toEqual([]);
  });
});
