import { mkdir, open, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { BuildLockedError } from "../errors.js";

/**
 * One build at a time per output folder. The lock file holds the owner's pid; a lock whose owner
 * is gone (killed with SIGKILL, machine restarted) is taken over.
 */
export interface BuildLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireBuildLock(lockFile: string, options: { waitMs?: number; outputLabel?: string } = {}): Promise<BuildLock> {
  const waitMs = options.waitMs ?? 30_000;
  const started = Date.now();
  await mkdir(dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await rm(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number((await readFile(lockFile, "utf8").catch(() => "")).trim());
    if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner) || owner === process.pid) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() - started >= waitMs) {
      throw new BuildLockedError(
        `another build (process ${owner}) is writing ${options.outputLabel ?? "the site"}; waited ${Math.round(waitMs / 1000)} s for it. ` +
          `Wait for it to finish, or stop it, then build again (the lock is ${lockFile}).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
