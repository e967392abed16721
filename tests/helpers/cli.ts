import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../../src/output/write-site.js";

/** Runs Dateline's real commands in a child process, as a user would, from any folder. */
export const REPO = fileURLToPath(new URL("../../", import.meta.url));
/**
 * How `npm run build` and the other scripts run a command: Node with Dateline's launcher
 * (`node src/cli/launch.mjs <module.ts>`), which runs the module compiled (or from source under
 * tsx when it cannot compile), one process. By full path, since the command runs in other folders.
 */
export const DATELINE_COMMAND = [process.execPath, join(REPO, "src", "cli", "launch.mjs")] as const;

export interface RunningCommand {
  readonly child: ChildProcess;
  /**
   * Signals the whole process group: the command and what it started (Pagefind and its watchdog).
   */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** stdout + stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string>;
}

export function startCommand(script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunningCommand {
  const child = spawn(DATELINE_COMMAND[0], [...DATELINE_COMMAND.slice(1), join(REPO, script), ...args], { cwd, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const kill = async (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      return;
    }
    if (signal !== "SIGKILL") return;
    // Wait until no process of the group is left.
    for (;;) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        return;
      }
      await new Promise((done) => setTimeout(done, 10));
    }
  };
  return { child, output: () => output, exited, kill };
}

export async function runCommand(script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | string; output: string }> {
  const running = startCommand(script, args, cwd, env);
  const code = await running.exited;
  return { code, output: running.output() };
}

/** Every file of a tree with the SHA-1 of its bytes: two snapshots are equal only if the trees are. */
export async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const files = (await listFiles(dir)).sort();
  const snapshot = new Map<string, string>();
  for (const file of files) snapshot.set(file, createHash("sha1").update(await readFile(join(dir, file))).digest("hex"));
  return snapshot;
}

/** Compares two snapshots; returns a short description of the first differences, or "" when equal. */
export function diffSnapshots(actual: ReadonlyMap<string, string>, expected: ReadonlyMap<string, string>): string {
  const missing = [...expected.keys()].filter((f) => !actual.has(f));
  const extra = [...actual.keys()].filter((f) => !expected.has(f));
  const changed = [...expected.keys()].filter((f) => actual.has(f) && actual.get(f) !== expected.get(f));
  if (missing.length + extra.length + changed.length === 0) return "";
  return `missing ${missing.length} (${missing.slice(0, 3).join(", ")}), extra ${extra.length} (${extra.slice(0, 3).join(", ")}), changed ${changed.length} (${changed.slice(0, 3).join(", ")})`;
}
