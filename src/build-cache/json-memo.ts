import { readFileSync, statSync } from "node:fs";

/**
 * State files of the build (manifests, page records) kept parsed between the builds of one
 * long-lived process (`npm start`), as long as their files are the ones it read or wrote: at
 * 10,000 articles each is megabytes of JSON that a rebuild would otherwise parse again. What is
 * handed out is shared: callers never change it.
 */
const memo = new Map<string, { readonly stamp: string; readonly value: unknown }>();

function stampOf(file: string): string | undefined {
  const info = statSync(file, { throwIfNoEntry: false });
  return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : undefined;
}

/** The file's value as `parse` reads its text; undefined when there is no such file or it does not parse. */
export function readStateFile<T>(file: string, parse: (text: string) => T): T | undefined {
  const stamp = stampOf(file);
  if (stamp === undefined) return undefined;
  const known = memo.get(file);
  if (known && known.stamp === stamp) return known.value as T;
  try {
    const value = parse(readFileSync(file, "utf8"));
    memo.set(file, { stamp, value });
    return value;
  } catch {
    memo.delete(file);
    return undefined;
  }
}

/** After writing `file` (whole, then renamed into place): its value, so the next read need not parse it. */
export function rememberStateFile(file: string, value: unknown): void {
  const stamp = stampOf(file);
  if (stamp === undefined) memo.delete(file);
  else memo.set(file, { stamp, value });
}

/** After renaming `from` to `to`: the same file, the same value (a rename keeps the stamp). */
export function moveStateFile(from: string, to: string): void {
  const known = memo.get(from);
  memo.delete(from);
  if (known && known.stamp === stampOf(to)) memo.set(to, known);
  else memo.delete(to);
}
