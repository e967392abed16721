import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isScalar, type Document } from "yaml";
import type { Issue } from "./errors.js";

/**
 * Splits an article into front-matter and body. YAML is read with the `failsafe` schema: every
 * scalar comes through as the text the author typed, so `title: 1984` stays "1984" and
 * `date: 2024-04-11` stays a calendar day instead of becoming a UTC instant; the article schema
 * then reads each field as what it is.
 */
export interface ArticleSource {
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 1-based line of each top-level key, so issues can point at the field. */
  readonly fieldLines: ReadonlyMap<string, number>;
  /** Problems that stop the file from being read at all (YAML syntax, no front-matter). */
  readonly issues: readonly Issue[];
}

interface YamlParse {
  doc: Document.Parsed;
  lines: LineCounter;
  /** Lines of the file before the YAML text's first line. */
  lineOffset: number;
}

export function readArticleSource(text: string, file: string): ArticleSource {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!/^---[ \t]*\n/.test(normalized)) {
    return {
      data: {},
      body: normalized,
      fieldLines: new Map(),
      issues: [
        {
          file,
          line: 1,
          column: 1,
          severity: "error",
          field: "",
          reason: "the file has no front-matter; expected it to start with a line `---`, the fields (title, date, …), and a closing `---`",
          ruleId: "front-matter:missing",
        },
      ],
    };
  }

  let parsed: YamlParse | undefined;
  const engine = (yamlText: string): Record<string, unknown> => {
    const lines = new LineCounter();
    const doc = parseDocument(yamlText, { schema: "failsafe", lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    // gray-matter hands over the text after the opening `---`, starting with its line break.
    parsed = { doc, lines, lineOffset: yamlText.startsWith("\n") ? 0 : 1 };
    return {};
  };
  // Options are always passed: gray-matter caches by content otherwise, which grows without bound.
  const split = matter(normalized, { engines: { yaml: engine }, excerpt: false });
  if (!parsed) {
    return { data: {}, body: split.content, fieldLines: new Map(), issues: [] };
  }
  const { doc, lines, lineOffset: FRONT_MATTER_OFFSET } = parsed;
  const issues: Issue[] = doc.errors.map((error) => {
    // `linePos` is only filled in with prettyErrors; the offset always is.
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    return {
      file,
      line: (pos?.line ?? 1) + FRONT_MATTER_OFFSET,
      column: pos?.col ?? 1,
      severity: "error" as const,
      field: "",
      reason: `the front-matter is not valid YAML: ${error.message.split("\n")[0]}`,
      ruleId: "front-matter:yaml",
      hint: "quote values that contain `: ` or start with a special character, e.g. title: \"Q&A: the budget\"",
    };
  });
  const fieldLines = new Map<string, number>();
  let data: Record<string, unknown> = {};
  if (issues.length === 0) {
    const contents = doc.contents;
    if (contents !== null && !isMap(contents) && !(isScalar(contents) && (contents.value === "" || contents.value === null))) {
      issues.push({
        file,
        line: 2,
        column: 1,
        severity: "error",
        field: "",
        reason: "the front-matter is not a set of `field: value` lines",
        ruleId: "front-matter:shape",
      });
    } else if (isMap(contents)) {
      for (const item of contents.items) {
        const key = isScalar(item.key) ? String(item.key.value) : undefined;
        const offset = isScalar(item.key) ? item.key.range?.[0] : undefined;
        if (key !== undefined && offset !== undefined) {
          fieldLines.set(key, lines.linePos(offset).line + FRONT_MATTER_OFFSET);
        }
      }
      try {
        // The limit on expanded aliases stops a "billion laughs" front-matter from exhausting memory.
        data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
      } catch (error) {
        const aliasBomb = error instanceof ReferenceError && /alias/i.test(error.message);
        issues.push({
          file,
          line: 2,
          column: 1,
          severity: "error",
          field: "",
          reason: aliasBomb
            ? "the front-matter repeats YAML aliases (`*name`) so often that reading it would exhaust memory; expected plain values"
            : `the front-matter could not be read: ${(error as Error).message}`,
          ruleId: "front-matter:yaml",
          ...(aliasBomb ? { hint: "write each value out instead of referring to it with `*name`" } : {}),
        });
      }
    }
  }
  return { data, body: split.content, fieldLines, issues };
}
