/**
 * Runs `fn` over `items` with at most `limit` calls in flight. File work (reads, writes, stats)
 * goes faster with a few dozen operations queued, but thousands at once exhaust file descriptors.
 */
export async function forEachWithLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}
