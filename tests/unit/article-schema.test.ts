import { describe, expect, it } from "vitest";
import { normalizeName, validateArticle } from "../../src/article-schema.js";
import { formatIssues } from "../../src/errors.js";
import { readArticleSource } from "../../src/front-matter.js";

/** Reads front-matter lines as a real article file would be read, then validates them. */
function check(frontMatter: string, file = "content/2024/iran.md") {
  const source = readArticleSource(`---\n${frontMatter}\n---\nBody.\n`, file);
  expect(source.issues).toEqual([]);
  return validateArticle(source.data, file, source.fieldLines);
}

function data(frontMatter: string) {
  const result = check(frontMatter);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.data;
}

function report(frontMatter: string, file?: string): string {
  const result = check(frontMatter, file);
  if (result.ok) throw new Error("expected the article to be invalid");
  return formatIssues(result.issues);
}

const CLOSING = "the build stopped before writing the site";

describe("validateArticle: title and date", () => {
  it("accepts the two required fields and fills in defaults", () => {
    expect(data("title: Talks resume\ndate: 2024-04-11")).toEqual({
      title: "Talks resume",
      date: { day: "2024-04-11", iso: "2024-04-11", epochMs: Date.UTC(2024, 3, 11) },
      people: [],
      places: [],
      tags: [],
      draft: false,
    });
  });

  it("reads YAML scalars in the title as text", () => {
    expect(data("title: 1984\ndate: 2024-04-11").title).toBe("1984");
    expect(data("title: No\ndate: 2024-04-11").title).toBe("No");
    expect(data("title: true\ndate: 2024-04-11").title).toBe("true");
    expect(data("title: null\ndate: 2024-04-11").title).toBe("null");
    expect(data('title: "  Talks\n  resume  "\ndate: 2024-04-11').title).toBe("Talks resume");
  });

  it("reports a missing title (no line: the field is not in the file)", () => {
    expect(report("date: 2024-04-11")).toBe(
      ["content/2024/iran.md  error  `title` is missing; expected the article's headline  article-schema:title", "", `✖ 1 error in 1 file — ${CLOSING}`].join("\n"),
    );
  });

  it("reports an empty title and an empty date once each, at their lines", () => {
    expect(report('title: "  "\ndate:')).toBe(
      [
        "content/2024/iran.md:2:1  error  `title` is missing; expected the article's headline  article-schema:title",
        "content/2024/iran.md:3:1  error  `date` is missing; expected a date like 2024-04-11  article-schema:date",
        "",
        `✖ 2 errors in 1 file — ${CLOSING}`,
      ].join("\n"),
    );
  });

  it("reports a title that is not text", () => {
    expect(report("title: [a, b]\ndate: 2024-04-11")).toBe(
      ["content/2024/iran.md:2:1  error  `title` must be text; got a list  article-schema:title", "", `✖ 1 error in 1 file — ${CLOSING}`].join("\n"),
    );
  });

  it.each(["2024-13-01", "2024-02-30", "11 April 2024", "2024-04-11T09:30:00"])("reports the impossible date %j with file, line, field, value and the expected form", (value) => {
    expect(report(`title: Iran\ndate: ${value}`)).toBe(
      [
        `content/2024/iran.md:3:1  error  \`date\`: "${value}" is not a date; expected YYYY-MM-DD (or a date-time with offset like 2024-04-11T09:30:00+02:00)  article-schema:date`,
        "  hint: write the day as YYYY-MM-DD; it is shown as written, whatever the time zone",
        "",
        `✖ 1 error in 1 file — ${CLOSING}`,
      ].join("\n"),
    );
    const result = check(`title: Iran\ndate: ${value}`);
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({ field: "date", actual: JSON.stringify(value), expected: "YYYY-MM-DD", ruleId: "article-schema:date", line: 3 }),
    ]);
  });

  it("accepts a date-time with offset and an updated day", () => {
    const article = data("title: T\ndate: 2024-04-11T23:30:00-07:00\nupdated: 2024-04-12");
    expect(article.date.day).toBe("2024-04-11");
    expect(article.updated?.day).toBe("2024-04-12");
  });

  it("reports an impossible updated date", () => {
    const result = check("title: T\ndate: 2024-04-11\nupdated: 2024-02-30");
    expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ field: "updated", ruleId: "article-schema:updated", line: 4 })]);
  });
});

describe("validateArticle: people, places, tags", () => {
  it("turns a single string into a one-item list", () => {
    expect(data("title: T\ndate: 2024-04-11\ntags: Diplomacy").tags).toEqual(["Diplomacy"]);
    expect(data("title: T\ndate: 2024-04-11\npeople: Antony Blinken").people).toEqual(["Antony Blinken"]);
  });

  it("trims names, collapses inner whitespace and removes duplicates, keeping order", () => {
    const article = data('title: T\ndate: 2024-04-11\npeople: ["  Antony   Blinken ", "Lloyd Austin", "Antony Blinken", "Antony\\u00a0Blinken", "Lloyd\\nAustin"]');
    expect(article.people).toEqual(["Antony Blinken", "Lloyd Austin"]);
  });

  it("keeps one spelling of names that share a slug, the first", () => {
    expect(data("title: T\ndate: 2024-04-11\npeople: [José Martí, Jose Marti, JOSE MARTI]").people).toEqual(["José Martí"]);
  });

  it("defaults missing or empty lists to no names", () => {
    const article = data("title: T\ndate: 2024-04-11\nplaces:\ntags: []");
    expect(article.places).toEqual([]);
    expect(article.tags).toEqual([]);
  });

  it("reads numbers as names", () => {
    expect(data("title: T\ndate: 2024-04-11\ntags: [2024, G7]").tags).toEqual(["2024", "G7"]);
  });

  it("reports empty names with their index", () => {
    expect(report('title: T\ndate: 2024-04-11\npeople: ["Antony Blinken", "  "]')).toBe(
      ["content/2024/iran.md:4:1  error  `people[1]` is empty; expected a name  article-schema:people", "", `✖ 1 error in 1 file — ${CLOSING}`].join("\n"),
    );
    const single = check('title: T\ndate: 2024-04-11\ntags: "  "');
    expect(single.ok ? [] : single.issues.map((i) => i.reason)).toEqual(["`tags` is empty; expected a name"]);
  });

  it("reports nested lists and mappings", () => {
    const result = check("title: T\ndate: 2024-04-11\npeople: [A, [B]]\nplaces: {Gaza: 1}");
    expect(result.ok ? [] : result.issues.map((i) => [i.field, i.reason])).toEqual([
      ["people[1]", "`people[1]` must be a name; got a list"],
      ["places", "`places` must be a list of names; got a mapping"],
    ]);
  });

  it("normalizeName folds every kind of whitespace", () => {
    expect(normalizeName("\u00a0 José\t\u200bMartí \n")).toBe("José Martí");
  });
});

describe("validateArticle: source, draft and the rest", () => {
  it("accepts an http(s) source with a name, or a bare URL or name", () => {
    expect(data("title: T\ndate: 2024-04-11\nsource:\n  name: Wire\n  url: https://example.org/a").source).toEqual({ name: "Wire", url: "https://example.org/a" });
    expect(data("title: T\ndate: 2024-04-11\nsource: http://example.org/a").source).toEqual({ url: "http://example.org/a" });
    expect(data("title: T\ndate: 2024-04-11\nsource: Wire service").source).toEqual({ name: "Wire service" });
  });

  it.each(["/2021/03/15/footbridge/", "/feed.xml", "../../../../2021/", "./notes/", "/2021/?q=a#b"])("accepts the relative source.url %j as written", (url) => {
    expect(data(`title: T\ndate: 2024-04-11\nsource:\n  name: Our earlier story\n  url: ${JSON.stringify(url)}`).source).toEqual({ name: "Our earlier story", url });
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,x",
    "ftp://example.org/a",
    "mailto:desk@example.org",
    "//example.org/a",
    "/\\example.org/a",
    "\\\\example.org/a",
    "./a\\b",
    "/a b/",
    "/a\tb/",
    "notes/story",
    "?q=1",
    "#top",
    "https://",
  ])("refuses source.url %j", (url) => {
    const result = check(`title: T\ndate: 2024-04-11\nsource:\n  name: Wire\n  url: ${JSON.stringify(url)}`);
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({
        field: "source.url",
        ruleId: "article-schema:source",
        reason: `\`source.url\`: ${JSON.stringify(url)} is not a web address; expected an http:// or https:// URL, or a relative one starting with /, ./ or ../`,
        expected: "an http(s) or relative URL",
        line: 4,
      }),
    ]);
  });

  it("suggests the scheme for a web address written without one", () => {
    const result = check("title: T\ndate: 2024-04-11\nsource:\n  url: example.org/story");
    expect(result.ok ? [] : result.issues.map((i) => i.hint)).toEqual(["write the whole address, e.g. https://example.org/story"]);
  });

  it("reads draft as a boolean", () => {
    expect(data("title: T\ndate: 2024-04-11\ndraft: true").draft).toBe(true);
    expect(data("title: T\ndate: 2024-04-11\ndraft: False").draft).toBe(false);
    expect(report("title: T\ndate: 2024-04-11\ndraft: yes")).toBe(
      ['content/2024/iran.md:4:1  error  `draft` must be true or false; got "yes"  article-schema:draft', "", `✖ 1 error in 1 file — ${CLOSING}`].join("\n"),
    );
  });

  it("keeps optional text fields, dropping empty ones", () => {
    const article = data('title: T\ndate: 2024-04-11\nsummary: "A  short\n  lead."\nbyline: ""');
    expect(article.summary).toBe("A short lead.");
    expect(article).not.toHaveProperty("byline");
  });

  it("collects every problem in the file at once, in schema field order", () => {
    const result = check("title: T\ndate: 2024-13-01\npeople: [A, '']\ndraft: maybe\nsource: {url: 'javascript:x'}");
    expect(result.ok ? [] : result.issues.map((i) => `${i.line} ${i.field}`)).toEqual(["3 date", "4 people[1]", "6 source.url", "5 draft"]);
  });

  it("warns about likely typos of field names without failing", () => {
    const result = check("title: T\ndate: 2024-04-11\ntag: Diplomacy");
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ severity: "warning", field: "tag", line: 4, ruleId: "article-schema:unknown-field", reason: "`tag` is not a Dateline field and is ignored; did you mean `tags`?" }),
    ]);
  });
});
