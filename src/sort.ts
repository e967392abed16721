/** Newest first; articles of the same instant in file-path order, so every build lists them alike. */
export function compareNewestFirst(a: { date: { epochMs: number }; file: string }, b: { date: { epochMs: number }; file: string }): number {
  return b.date.epochMs - a.date.epochMs || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** A–Z as people read it: case and accents ignored, numbers in numeric order. */
export function compareLabels(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
