import { link, mkdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
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

/** Locks this process holds: its own pid in a lock file is then a live owner, not a leftover. */
const heldHere = new Set<string>();

export async function acquireBuildLock(lockPath: string, options: { waitMs?: number; outputLabel?: string } = {}): Promise<BuildLock> {
  const lockFile = resolve(lockPath);
  const waitMs = options.waitMs ?? 30_000;
  const started = Date.now();
  await mkdir(dirname(lockFile), { recursive: true });
  for (;;) {
    // The lock appears with its owner's pid already in it (written aside, then hard-linked into
    // place), so no other build ever reads an empty lock and takes it for a stale one.
    const pending = `${lockFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(pending, String(process.pid));
    try {
      await link(pending, lockFile);
      heldHere.add(lockFile);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          heldHere.delete(lockFile);
          await rm(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await unlink(pending).catch(() => undefined);
    }
    const owner = Number((await readFile(lockFile, "utf8").catch(() => "")).trim());
    const ownerIsLive = owner === process.pid ? heldHere.has(lockFile) : Number.isInteger(owner) && owner > 0 && isAlive(owner);
    if (!ownerIsLive) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() - started >= waitMs) {
      throw new BuildLockedError(
        `another build (process ${owner}${owner === process.pid ? ", this one" : ""}) is writing ${options.outputLabel ?? "the site"}; waited ${Math.round(waitMs / 1000)} s for it. ` +
          `Wait for it to finish, or stop it, then build again (the lock is ${lockFile}).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
