import { readdirSync, readFileSync } from "node:fs";

/**
 * The machine's processes, read from /proc (Linux): tests that kill a build use it to find the
 * build's own process and any Pagefind it started, and to see that none outlives it.
 */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** The command line, arguments joined with spaces. */
  readonly command: string;
}

export function listProcesses(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The name in parentheses may hold spaces; the parent's pid is the second field after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      // Zombies have an empty command line: they run nothing and write nothing.
      if (command !== "") found.push({ pid: Number(entry), ppid, command });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

/** Polls until `test` holds or `ms` pass; returns whether it held. */
export async function waitFor(test: () => boolean, ms: number, every = 10): Promise<boolean> {
  const until = performance.now() + ms;
  for (;;) {
    if (test()) return true;
    if (performance.now() > until) return false;
    await new Promise((done) => setTimeout(done, every));
  }
}
