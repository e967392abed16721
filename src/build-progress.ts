/**
 * How far a build has got, for a terminal to show while a big archive builds (a first build of
 * 50,000 articles takes minutes). Each step starts with `done: 0` and ends with `done === total`;
 * steps with nothing to do are not reported.
 */
export interface BuildProgress {
  readonly step: BuildStep;
  readonly done: number;
  readonly total: number;
}

/**
 * - `read`: articles read and validated, from the cache of parsed articles or parsed again;
 * - `pages`: pages rendered and written, or found unchanged and kept;
 * - `search`: articles indexed for search (the shards that changed).
 */
export type BuildStep = "read" | "pages" | "search";

export type ProgressListener = (progress: BuildProgress) => void;

/**
 * Reports one step's `done` to `listener` now and then rather than on every item: at most once per
 * `every` items, always at 0 and at the total.
 */
export function stepReporter(listener: ProgressListener | undefined, step: BuildStep, total: number, every: number): ((done: number) => void) | undefined {
  if (!listener || total === 0) return undefined;
  let reported = -1;
  return (done) => {
    if (done === reported) return;
    if (done !== 0 && done !== total && done - reported < every) return;
    reported = done;
    listener({ step, done, total });
  };
}
