import { describe, expect, it } from "vitest";
import { forEachWithLimit } from "../../src/concurrency.js";

/** Runs forEachWithLimit with calls that finish only when the test says, recording what ran when. */
function controlled(items: readonly number[], limit: number) {
  const started: number[] = [];
  const finish = new Map<number, () => void>();
  let inFlight = 0;
  let maxInFlight = 0;
  const done = forEachWithLimit(items, limit, (item) => {
    started.push(item);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<void>((resolve) =>
      finish.set(item, () => {
        inFlight--;
        resolve();
      }),
    );
  });
  return { started, finish, done, maxInFlight: () => maxInFlight, inFlight: () => inFlight };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("forEachWithLimit", () => {
  it("starts at most `limit` calls, and the next item as soon as one finishes", async () => {
    const run = controlled([1, 2, 3, 4, 5], 2);
    await tick();
    expect(run.started).toEqual([1, 2]);
    run.finish.get(2)!();
    await tick();
    expect(run.started).toEqual([1, 2, 3]);
    run.finish.get(1)!();
    run.finish.get(3)!();
    await tick();
    expect(run.started).toEqual([1, 2, 3, 4, 5]);
    run.finish.get(4)!();
    run.finish.get(5)!();
    await run.done;
    expect(run.maxInFlight()).toBe(2);
    expect(run.inFlight()).toBe(0);
  });

  it("does not resolve until every call has finished", async () => {
    const run = controlled([1, 2, 3], 3);
    let resolved = false;
    void run.done.then(() => (resolved = true));
    run.finish.get(1)!();
    run.finish.get(2)!();
    await tick();
    expect(resolved).toBe(false);
    run.finish.get(3)!();
    await run.done;
    expect(resolved).toBe(true);
  });

  it("runs everything at once when the limit is above the number of items", async () => {
    const run = controlled([1, 2, 3], 50);
    await tick();
    expect(run.started).toEqual([1, 2, 3]);
    for (const finish of run.finish.values()) finish();
    await run.done;
  });

  it("treats a limit below 1 as 1: one call at a time, in order", async () => {
    for (const limit of [0, -3]) {
      const run = controlled([1, 2, 3], limit);
      await tick();
      expect(run.started).toEqual([1]);
      run.finish.get(1)!();
      await tick();
      run.finish.get(2)!();
      await tick();
      run.finish.get(3)!();
      await run.done;
      expect(run.started).toEqual([1, 2, 3]);
      expect(run.maxInFlight()).toBe(1);
    }
  });

  it("calls fn exactly once per item, even with many lanes", async () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const seen: number[] = [];
    await forEachWithLimit(items, 7, async (item) => {
      await new Promise((resolve) => setTimeout(resolve, item % 3));
      seen.push(item);
    });
    expect(seen.sort((a, b) => a - b)).toEqual(items);
  });

  it("resolves at once for no items without calling fn", async () => {
    let calls = 0;
    await forEachWithLimit([], 4, async () => {
      calls++;
    });
    expect(calls).toBe(0);
  });

  it("rejects with the error of a failing call", async () => {
    await expect(
      forEachWithLimit([1, 2, 3], 2, async (item) => {
        if (item === 2) throw new Error("disk full at 2");
      }),
    ).rejects.toThrow("disk full at 2");
  });
});
