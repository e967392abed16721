import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Outcome, RunnableName } from "./fuzz-subjects.js";

/**
 * Runs fuzz subjects in a child process with a time limit per input, as markdown-it's
 * pathological tests use a worker: a hang or a catastrophic regex shows as a failed input instead
 * of a stuck suite. The limit is on the CPU time the child spent on that one input (a loaded test
 * machine stretches wall time, not CPU time); a child silent for far longer is killed as hung.
 * An input over the limit is tried once more in a fresh child, so the first run's compilation
 * and garbage collection are not mistaken for a slow input; only a second overrun counts.
 */
export type GuardedOutcome = (Outcome | { kind: "slow" | "hung"; detail: string }) & { cpuMs?: number };

export const INPUT_CPU_LIMIT_MS = 1000;
const HUNG_AFTER_MS = 20_000;
const ENTRY = fileURLToPath(new URL("./fuzz-worker-entry.mjs", import.meta.url));

/**
 * Long inputs get more: linear work on a 350 KB input takes most of a second on a slow day of the
 * 2-core machine, which is no defect, while the faults this guards against (quadratic loops,
 * catastrophic backtracking) take minutes at that size and overrun any linear allowance.
 */
const CPU_MS_PER_CHARACTER = 0.01;

/** The CPU limit for one input: 1 s, or 10 µs per character of a longer text. */
export function cpuLimitFor(input: unknown): number {
  return typeof input === "string" ? Math.max(INPUT_CPU_LIMIT_MS, Math.ceil(input.length * CPU_MS_PER_CHARACTER)) : INPUT_CPU_LIMIT_MS;
}

export class GuardedRunner {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;

  private start(): Promise<void> {
    const child = fork(ENTRY, [], { serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: ["--max-old-space-size=1024", "--stack-size=2000"] });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("error", reject);
    });
    return this.ready;
  }

  private stop(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }

  private async runOnce(subject: RunnableName, input: unknown, limitMs: number): Promise<GuardedOutcome> {
    if (!this.child) await this.start();
    else await this.ready;
    const child = this.child!;
    const id = this.nextId++;
    return new Promise<GuardedOutcome>((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        this.stop();
        resolve({ kind: "hung", detail: `${subject} gave no answer in ${HUNG_AFTER_MS / 1000} s` });
      }, HUNG_AFTER_MS);
      const onMessage = (message: { id: number; outcome: Outcome; cpuMs: number }) => {
        if (message.id !== id) return;
        cleanup();
        if (message.cpuMs > limitMs) resolve({ kind: "slow", detail: `${subject} used ${Math.round(message.cpuMs)} ms of CPU on one input (limit ${limitMs} ms)`, cpuMs: message.cpuMs });
        else resolve({ ...message.outcome, cpuMs: message.cpuMs });
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        this.child = undefined;
        resolve({ kind: "bad", detail: `the process died (exit ${code}, ${signal}) on this input: out of memory or stack?` });
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send({ id, subject, input });
    });
  }

  async run(subject: RunnableName, input: unknown, limitMs = cpuLimitFor(input)): Promise<GuardedOutcome> {
    const first = await this.runOnce(subject, input, limitMs);
    if (first.kind !== "slow") return first;
    this.stop();
    return this.runOnce(subject, input, limitMs);
  }

  async close(): Promise<void> {
    this.stop();
  }
}

/** Describes an input for a failure message without printing megabytes. */
export function describeInput(input: unknown): string {
  const text = typeof input === "string" ? input : input instanceof Uint8Array ? Buffer.from(input).toString("latin1") : JSON.stringify(input);
  return text.length > 300 ? `${JSON.stringify(text.slice(0, 300))}… (${text.length} chars)` : JSON.stringify(text);
}
