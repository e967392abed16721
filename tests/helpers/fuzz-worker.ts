import { burnCpu, pollutePrototype, SUBJECTS, type Outcome, type RunnableName } from "./fuzz-subjects.js";

/**
 * Runs one subject on one input per message and reports the CPU time it took: the parent kills
 * a child that hangs, and judges slowness on CPU time, which a busy machine does not inflate.
 *
 * Prototype pollution can only be seen in the process that parsed, so it is checked here, after
 * every input: a key that appeared on `Object.prototype` makes the outcome "bad" (and is removed,
 * so the next input starts clean).
 */
const PROTOTYPE_KEYS = new Set(Reflect.ownKeys(Object.prototype));

function prototypeGained(): string[] {
  const added = Reflect.ownKeys(Object.prototype).filter((key) => !PROTOTYPE_KEYS.has(key));
  for (const key of added) delete (Object.prototype as Record<PropertyKey, unknown>)[key];
  return added.map(String);
}

const RUNNABLE: Record<RunnableName, (input: never) => Outcome> = { ...SUBJECTS, pollutePrototype, burnCpu };

process.on("message", ({ id, subject, input }: { id: number; subject: RunnableName; input: unknown }) => {
  let outcome: Outcome;
  const before = process.cpuUsage();
  try {
    outcome = (RUNNABLE[subject] as (input: unknown) => Outcome)(input);
  } catch (error) {
    outcome = { kind: "bad", detail: `threw ${(error as Error)?.stack ?? String(error)}` };
  }
  const used = process.cpuUsage(before);
  const polluted = prototypeGained();
  if (polluted.length > 0) outcome = { kind: "bad", detail: `Object.prototype gained ${polluted.join(", ")}` };
  process.send!({ id, outcome, cpuMs: (used.user + used.system) / 1000 });
});
process.send!({ ready: true });
