import { SUBJECTS, type Outcome, type SubjectName } from "./fuzz-subjects.js";

/**
 * Runs one subject on one input per message and reports the CPU time it took: the parent kills
 * a child that hangs, and judges slowness on CPU time, which a busy machine does not inflate.
 */
process.on("message", ({ id, subject, input }: { id: number; subject: SubjectName; input: unknown }) => {
  let outcome: Outcome;
  const before = process.cpuUsage();
  try {
    outcome = (SUBJECTS[subject] as (input: unknown) => Outcome)(input);
  } catch (error) {
    outcome = { kind: "bad", detail: `threw ${(error as Error)?.stack ?? String(error)}` };
  }
  const used = process.cpuUsage(before);
  process.send!({ id, outcome, cpuMs: (used.user + used.system) / 1000 });
});
process.send!({ ready: true });
