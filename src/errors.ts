/**
 * Dateline's errors and the one place their text is formatted. A content problem is an `Issue`:
 * file, position, field, what was found, what was expected, and a permanent rule id.
 */

export type Severity = "error" | "warning";

export interface Issue {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly severity: Severity;
  /** Dotted field path such as `people[1]`, or "" for the file as a whole. */
  readonly field: string;
  /** Full human sentence: field, what was found, what is expected. */
  readonly reason: string;
  /** Permanent id, `<source>:<rule>` — tests and users may rely on it. */
  readonly ruleId: string;
  readonly actual?: string;
  readonly expected?: string;
  readonly hint?: string;
}

export class DatelineError extends Error {
  override name = "DatelineError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The build found content problems; nothing was written. */
export class ArticleValidationError extends DatelineError {
  override name = "ArticleValidationError";
  constructor(readonly issues: readonly Issue[]) {
    super(formatIssues(issues));
  }
}

/** A settings or aliases file is malformed. */
export class ConfigFileError extends DatelineError {
  override name = "ConfigFileError";
  constructor(readonly issues: readonly Issue[]) {
    super(formatIssues(issues));
  }
}

/** Another build holds the output lock. */
export class BuildLockedError extends DatelineError {
  override name = "BuildLockedError";
}

function position(issue: Issue): string {
  if (issue.line === undefined) return issue.file;
  return `${issue.file}:${issue.line}:${issue.column ?? 1}`;
}

/** Formats issues the way every Dateline command prints them: one line each, then a total. */
export function formatIssues(issues: readonly Issue[], closing = "the build stopped before writing the site"): string {
  const lines: string[] = [];
  for (const issue of issues) {
    lines.push(`${position(issue)}  ${issue.severity}  ${issue.reason}  ${issue.ruleId}`);
    if (issue.hint) lines.push(`  hint: ${issue.hint}`);
  }
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    const files = new Set(errors.map((i) => i.file)).size;
    lines.push("");
    lines.push(
      `✖ ${errors.length} ${errors.length === 1 ? "error" : "errors"} in ${files} ${files === 1 ? "file" : "files"} — ${closing}`,
    );
  }
  return lines.join("\n");
}

/** Shows a value in a message: quoted, shortened, control characters made visible. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : JSON.stringify(value.toISOString().slice(0, 10));
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  const text = String(value);
  const shown = text.length > 60 ? text.slice(0, 57) + "…" : text;
  return typeof value === "string" ? JSON.stringify(shown) : shown;
}
