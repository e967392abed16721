import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { SubjectName } from "../../helpers/fuzz-subjects.js";
import { describeInput, GuardedRunner } from "../../helpers/guarded-runner.js";

/**
 * Property-based tests for every reader of untrusted input. Each generated input must end within
 * the per-input CPU limit, either accepted or refused with Dateline's own error or issues naming
 * the file; an accepted article's HTML may hold no script, handler or foreign link. The seed is
 * printed by fast-check on failure; FUZZ_RUNS raises the number of inputs for a longer hunt.
 */
const runner = new GuardedRunner();
afterAll(() => runner.close());
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

async function holds(subject: SubjectName, arbitrary: fc.Arbitrary<unknown>, allowed: readonly string[] = ["ok", "refused"], runs = RUNS): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const outcome = await runner.run(subject, input);
      if (!allowed.includes(outcome.kind)) {
        throw new Error(`${subject} → ${outcome.kind}: ${"detail" in outcome ? outcome.detail : ""}\ninput: ${describeInput(input)}`);
      }
    }),
    { numRuns: runs, endOnFailure: false },
  );
}

/** Any UTF-16 code unit, lone surrogates included: what a crafted YAML escape can produce. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: anyCodeUnit, maxLength: 200 }), fc.string({ maxLength: 200 }));

/** Pieces Markdown and YAML give meaning to, so random text hits the parsers' special paths. */
const MARKUP = [">", "[", "]", "(", ")", "![", "](", "*", "**", "_", "`", "```", "~~~", "<", ">", "&#", "&amp;", ";", "\\", "#", "-", "- ", "1. ", "|", ":", ": ", "---", "\n", "\n\n", "  ", "\t", "    ", "\u0000", "\u202E", "\uD800", "\uFEFF", "\r", "javascript:", "http://x", "<script>", '"', "'", "{{", "{%", "&", "a", "B", " "];
const markupText = fc.array(fc.oneof(fc.constantFrom(...MARKUP), fc.string({ maxLength: 5 })), { maxLength: 120 }).map((parts) => parts.join(""));

const FIELDS = ["title", "date", "updated", "people", "places", "tags", "summary", "byline", "source", "draft", "imported", "url", "name"];
const yamlScalar = fc.oneof(
  fc.constantFrom("2024-04-11", "2024-02-30", "2024-04-11T09:30:00+02:00", "true", "no", "~", "null", "[]", "{}", "", "|", ">", "&a x", "*a", "!!binary x", "'", '"', "- x"),
  anyText.map((t) => JSON.stringify(t)),
  markupText,
);
const yamlLine = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), yamlScalar).map(([key, value]) => `${key}: ${value}`),
  fc.tuple(fc.constantFrom(...FIELDS), fc.array(yamlScalar, { maxLength: 4 })).map(([key, values]) => `${key}:\n${values.map((v) => `  - ${v}`).join("\n")}`),
  fc.tuple(fc.constantFrom("source"), yamlScalar, yamlScalar).map(([key, name, url]) => `${key}:\n  name: ${name}\n  url: ${url}`),
  markupText,
);
const frontMatterArticle = fc
  .tuple(fc.array(yamlLine, { maxLength: 10 }), fc.oneof(markupText, anyText), fc.boolean())
  .map(([lines, body, valid]) => `---\n${valid ? "title: T\ndate: 2024-01-01\n" : ""}${lines.join("\n")}\n---\n${body}`);

/** Markdown bodies under a valid front-matter: these must always be accepted. */
const markdownBody = fc.oneof(markupText, anyText, fc.tuple(fc.constantFrom(">", "[", "*", "- ", "  ", "`", "<"), fc.integer({ min: 1, max: 3000 }), markupText).map(([unit, n, tail]) => unit.repeat(n) + tail));

describe("the front-matter reader and article schema", () => {
  it("read any text as an article or name the file in every issue", async () => {
    await holds("parseArticle", fc.oneof(frontMatterArticle, anyText, markupText));
  });

  it("accept every body under a valid front-matter, rendering no script or foreign link", async () => {
    await holds("parseArticle", markdownBody.map((body) => `---\ntitle: T\ndate: 2024-01-01\n---\n${body}`), ["ok"]);
  });

  it("split any text into front-matter and body or name the file", async () => {
    await holds("readArticleSource", fc.oneof(frontMatterArticle, anyText));
  });

  it("validate any front-matter data or name the file in every issue", async () => {
    const value = fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.date(), fc.array(anyText, { maxLength: 4 }), fc.dictionary(anyText, anyText, { maxKeys: 3 }));
    const data = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), anyText), value, { maxKeys: 8 });
    await holds("validateArticle", data);
    await holds("validateArticle", fc.record({ title: anyText, date: fc.constant("2024-01-01"), people: fc.array(anyText), source: fc.record({ name: anyText, url: fc.oneof(anyText, fc.webUrl()) }) }));
  });
});

describe("slugs", () => {
  it("give any text a URL segment of [a-z0-9-] that stays in its folder", async () => {
    await holds("slugify", fc.oneof(anyText, markupText, fc.constantFrom("..", ".", "/", "\\", "%2e%2e", "../../etc/passwd", "C:\\Windows", "~", "!!!", "😀", "北京")), ["ok"]);
  });
});

describe("the raw-article reader and the importer", () => {
  const dateLine = fc.constantFrom(" date 2024-04-11\n", "date 2024-04-11 ", " date 2024-02-30\n", " date 11 April\n", "\uFEFF date 2024-04-11\r\n", "");
  const rawText = fc.tuple(dateLine, fc.oneof(anyText, markupText)).map(([head, body]) => head + body);
  const rawBytes = fc.tuple(dateLine, fc.uint8Array({ maxLength: 400 })).map(([head, bytes]) => new Uint8Array([...Buffer.from(head), ...bytes]));

  it("read any raw text or bytes, or refuse with RawArticleError naming the file", async () => {
    await holds("parseRawArticle", fc.oneof(rawText, rawBytes));
  });

  it("import any raw file into an article the build accepts, or refuse naming the file", async () => {
    await holds("importArticle", fc.oneof(rawText.map((t) => new Uint8Array(Buffer.from(t))), rawBytes));
  });
});

describe("the entity extractor", () => {
  const words = fc.array(fc.oneof(fc.constantFrom("Antony", "Blinken", "Mr.", "Dr.", "President", "Tel", "Aviv", ",", ".", "said", "the", "of", "O'Brien", "Jean-Paul", "al-", "van", "der", "New", "York", "\u201C", "\u201D", "\n\n"), anyText), { maxLength: 80 });
  it("finds names in any text without throwing, and every name is non-empty text", async () => {
    await holds("extractEntities", fc.oneof(anyText, markupText, words.map((w) => w.join(" "))), ["ok"]);
  });
});

it("the guard itself reports a subject that fails", async () => {
  // A test that cannot fail is a defect: a refused article must not pass where only "ok" is allowed.
  const outcome = await runner.run("parseArticle", "no front-matter");
  expect(outcome.kind).toBe("refused");
});
