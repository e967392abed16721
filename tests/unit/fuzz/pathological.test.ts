import { afterAll, describe, expect, it } from "vitest";
import type { SubjectName } from "../../helpers/fuzz-subjects.js";
import { cpuLimitFor, describeInput, GuardedRunner, INPUT_CPU_LIMIT_MS } from "../../helpers/guarded-runner.js";

/**
 * Inputs known to hurt parsers: deep nesting, long runs of one delimiter, huge lines, YAML alias
 * bombs. Each must end, within the per-input time limit, either accepted or refused with
 * Dateline's own error naming the file.
 */
const runner = new GuardedRunner();
afterAll(() => runner.close());

const frontMatter = "---\ntitle: Pathological\ndate: 2024-01-01\n---\n\n";
const rawHead = " date 2024-01-01\n";

const BODIES: Record<string, string> = {
  "10,000 nested block quotes": ">".repeat(10_000) + " deep",
  "10,000 nested block quotes, one per line": Array.from({ length: 10_000 }, (_, i) => ">".repeat(i % 200) + " x").join("\n"),
  "10,000 open brackets": "[".repeat(10_000) + "x",
  "5,000 unclosed links": "[a](".repeat(5_000),
  "5,000 nested links": "[".repeat(5_000) + "x" + "](/a)".repeat(5_000),
  "5,000 nested images": "![".repeat(5_000) + "x" + "](/a.png)".repeat(5_000),
  "50,000 stars": "*".repeat(50_000),
  "alternating emphasis": "*a _b ".repeat(20_000),
  "50,000 backticks": "`".repeat(50_000),
  "backtick ladder": Array.from({ length: 2_000 }, (_, i) => "`".repeat(i)).join(" x "),
  "50,000 angle brackets": "<".repeat(50_000),
  "unclosed autolinks": "<http://a".repeat(10_000),
  "10,000 list items nested 100 deep": Array.from({ length: 10_000 }, (_, i) => " ".repeat((i % 100) * 2) + "- x").join("\n"),
  "10,000 ordered list markers": "1. ".repeat(10_000),
  "50,000 entities": "&#".repeat(50_000),
  "backslashes": "\\".repeat(100_000),
  "a table of 10,000 rows": "|a|b|\n|-|-|\n" + "|x|y|\n".repeat(10_000),
  "a table with 5,000 columns": "|a".repeat(5_000) + "|\n" + "|-".repeat(5_000) + "|\n" + "|x".repeat(5_000) + "|",
  "reference definitions": Array.from({ length: 5_000 }, (_, i) => `[r${i}]: /u${i} "t"`).join("\n") + "\n\n" + "[r1] ".repeat(5_000),
  "a 1 MB line": "word ".repeat(200_000),
  "a 1 MB line without spaces": "x".repeat(1_000_000),
  "20,000 short lines": "a\n".repeat(20_000),
  "heading markers": "#".repeat(100_000),
  "thematic breaks": "- - -\n".repeat(20_000),
  "html-looking text": "<div>".repeat(20_000) + "<!--".repeat(10_000),
  "NUL bytes": "\u0000".repeat(50_000),
  "direction overrides": "\u202E\u2066".repeat(50_000),
  "combining marks": "a" + "\u0301".repeat(100_000),
};

const FRONT_MATTERS: Record<string, string> = {
  "a YAML alias bomb": "---\ntitle: Bomb\ndate: 2024-01-01\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\nx\n",
  "an alias in a field": "---\ntitle: &t Aliased\ndate: 2024-01-01\nsummary: *t\npeople: [*t, *t]\n---\nx\n",
  "10,000 nested flow sequences": "---\ntitle: Deep\ndate: 2024-01-01\npeople: " + "[".repeat(10_000) + "x" + "]".repeat(10_000) + "\n---\nx\n",
  "10,000 unclosed flow sequences": "---\ntitle: Deep\ndate: 2024-01-01\npeople: " + "[".repeat(10_000) + "\n---\nx\n",
  "10,000 nested flow mappings": "---\ntitle: Deep\ndate: 2024-01-01\nsource: " + "{a: ".repeat(10_000) + "x" + "}".repeat(10_000) + "\n---\nx\n",
  "10,000 nested block mappings": "---\ntitle: Deep\ndate: 2024-01-01\nsource:\n" + Array.from({ length: 2_000 }, (_, i) => " ".repeat(i + 1) + `k${i}:`).join("\n") + " x\n---\nx\n",
  "a 1 MB title": `---\ntitle: "${"t".repeat(1_000_000)}"\ndate: 2024-01-01\n---\nx\n`,
  "2,000 people": "---\ntitle: Crowd\ndate: 2024-01-01\npeople:\n" + Array.from({ length: 2_000 }, (_, i) => `  - Person ${i}`).join("\n") + "\n---\nx\n",
  "1,000 duplicate keys": "---\ntitle: Dup\ndate: 2024-01-01\n" + "title: again\n".repeat(1_000) + "---\nx\n",
  "a YAML tag": "---\ntitle: !!js/function 'function () { return 1 }'\ndate: !!timestamp 2024-01-01\npeople: !!set {a, b}\n---\nx\n",
  "a custom YAML tag": "---\ntitle: !custom x\ndate: 2024-01-01\n---\nx\n",
  "a merge key": "---\nbase: &b {title: Merged, date: 2024-01-01}\n<<: *b\n---\nx\n",
  "an unterminated front-matter": "---\ntitle: Open\ndate: 2024-01-01\n" + "line\n".repeat(10_000),
  "only dashes": "---\n".repeat(10_000),
  "a non-string key": "---\n? [a, b]\n: c\ntitle: T\ndate: 2024-01-01\n---\nx\n",
  "a key that looks like __proto__": "---\n__proto__: {polluted: yes}\nconstructor: x\ntitle: T\ndate: 2024-01-01\n---\nx\n",
};

describe("the article reader on pathological Markdown bodies", () => {
  it.each(Object.entries(BODIES))("%s", async (_name, body) => {
    const outcome = await runner.run("parseArticle", frontMatter + body);
    expect(outcome, describeInput(body)).toMatchObject({ kind: "ok" });
  });
});

describe("the article reader on pathological front-matter", () => {
  it.each(Object.entries(FRONT_MATTERS))("%s", async (_name, text) => {
    const outcome = await runner.run("parseArticle", text);
    expect(["ok", "refused"], `${describeInput(text)}: ${"detail" in outcome ? outcome.detail : ""}`).toContain(outcome.kind);
  });

  it("refuses a YAML alias bomb with a front-matter error, not an exception", async () => {
    const outcome = await runner.run("parseArticle", FRONT_MATTERS["a YAML alias bomb"]!);
    expect(outcome).toMatchObject({ kind: "refused", detail: "front-matter:yaml" });
  });

  it("does not let __proto__ in front-matter reach Object.prototype", async () => {
    // The worker that parses checks its own Object.prototype after every input (fuzz-worker.ts).
    const outcome = await runner.run("parseArticle", FRONT_MATTERS["a key that looks like __proto__"]!);
    expect(outcome).toMatchObject({ kind: "ok" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("would see it if it did: the worker reports a polluted prototype as a bad outcome, then starts clean", async () => {
    expect(await runner.run("pollutePrototype", "pollutedByTest")).toMatchObject({ kind: "bad", detail: "Object.prototype gained pollutedByTest" });
    expect(await runner.run("parseArticle", FRONT_MATTERS["a key that looks like __proto__"]!)).toMatchObject({ kind: "ok" });
  });
});

const SUBJECT_INPUTS: [SubjectName, string, string][] = [
  ["parseRawArticle", "a 1 MB raw paragraph", rawHead + "Word ".repeat(200_000)],
  ["parseRawArticle", "100,000 raw lines", rawHead + "Line.\n".repeat(100_000)],
  ["parseRawArticle", "100,000 indented lines", rawHead + "text\n    Indented.\n".repeat(50_000)],
  ["parseRawArticle", "a 1 MB first line", " date " + "9".repeat(1_000_000)],
  ["parseRawArticle", "whitespace only", " \t".repeat(100_000)],
  ["extractEntities", "100,000 capitalised words", "Aaa ".repeat(100_000)],
  ["extractEntities", "titles without names", "Mr. Dr. President ".repeat(30_000)],
  ["extractEntities", "one 1 MB word", "A" + "a".repeat(1_000_000)],
  ["extractEntities", "hyphen chains", "Jean-".repeat(50_000) + "Paul"],
  ["extractEntities", "comma places", "Paris, ".repeat(50_000)],
  ["extractEntities", "quotes and apostrophes", "O'".repeat(50_000) + "Brien said."],
  ["extractEntities", "capitals, hyphen runs, particles and quotes", "A ".repeat(20_000) + "Bb-".repeat(5_000) + " al-".repeat(5_000) + '"'.repeat(5_000)],
  ["extractEntities", "50 KB of sentences", "Antony Blinken met Yoav Gallant in Tel Aviv, Israel. ".repeat(1_000)],
  ["slugify", "a 1 MB name", "Name ".repeat(200_000)],
  ["slugify", "a long emoji run", "😀".repeat(100_000)],
];

describe("the time limit itself", () => {
  it("is 1 s of CPU, or 10 µs per character of a longer text", () => {
    expect(cpuLimitFor("short")).toBe(INPUT_CPU_LIMIT_MS);
    expect(cpuLimitFor("x".repeat(350_000))).toBe(3_500);
  });

  it("calls an input slow when it overruns, and lets one under the limit pass", async () => {
    expect(await runner.run("burnCpu", "x".repeat(300), 200)).toMatchObject({ kind: "slow" });
    expect(await runner.run("burnCpu", "x".repeat(50), 1_000)).toMatchObject({ kind: "ok" });
  });
});

describe("the importer and slugs on pathological input", () => {
  it.each(SUBJECT_INPUTS)("%s: %s", async (subject, _name, input) => {
    const outcome = await runner.run(subject, input);
    expect(["ok", "refused"], `${subject} on ${describeInput(input)}: ${"detail" in outcome ? outcome.detail : ""}`).toContain(outcome.kind);
  });
});
