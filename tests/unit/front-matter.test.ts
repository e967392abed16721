import { describe, expect, it } from "vitest";
import { readArticleSource } from "../../src/front-matter.js";

const FILE = "content/2024/a.md";

describe("readArticleSource", () => {
  it("splits front-matter from the body and records each field's line", () => {
    const source = readArticleSource("---\ntitle: Talks resume\ndate: 2024-04-11\npeople:\n  - Antony Blinken\n---\n\nThe body.\n", FILE);
    expect(source.issues).toEqual([]);
    expect(source.data).toEqual({ title: "Talks resume", date: "2024-04-11", people: ["Antony Blinken"] });
    expect(source.body.trim()).toBe("The body.");
    expect([...source.fieldLines]).toEqual([
      ["title", 2],
      ["date", 3],
      ["people", 4],
    ]);
  });

  it("reads every scalar as the text the author typed (failsafe schema)", () => {
    const source = readArticleSource("---\ntitle: 1984\nsummary: No\nbyline: null\ndate: 2024-04-11\ndraft: true\ntags: [1.0, yes, ~]\n---\n", FILE);
    expect(source.issues).toEqual([]);
    expect(source.data).toEqual({ title: "1984", summary: "No", byline: "null", date: "2024-04-11", draft: "true", tags: ["1.0", "yes", "~"] });
  });

  it("accepts Windows line endings and a byte-order mark", () => {
    const source = readArticleSource("\uFEFF---\r\ntitle: T\r\ndate: 2024-04-11\r\n---\r\nBody\r\n", FILE);
    expect(source.issues).toEqual([]);
    expect(source.data).toEqual({ title: "T", date: "2024-04-11" });
    expect(source.fieldLines.get("date")).toBe(3);
  });

  it("reports a YAML error at its line and column in the file", () => {
    const source = readArticleSource("---\ndate: 2024-04-11\ntitle: Q&A: the budget\n---\nBody\n", FILE);
    expect(source.issues).toEqual([
      {
        file: FILE,
        line: 3,
        column: 8,
        severity: "error",
        field: "",
        reason: "the front-matter is not valid YAML: Nested mappings are not allowed in compact mappings",
        ruleId: "front-matter:yaml",
        hint: 'quote values that contain `: ` or start with a special character, e.g. title: "Q&A: the budget"',
      },
    ]);
  });

  it("reports an unclosed list at the line of the list", () => {
    const source = readArticleSource("---\ntitle: T\ndate: 2024-04-11\ntags: [a, b\n---\n", FILE);
    expect(source.issues).toHaveLength(1);
    expect(source.issues[0]).toMatchObject({ line: 4, ruleId: "front-matter:yaml" });
  });

  it("reports a duplicated field", () => {
    const source = readArticleSource("---\ntitle: A\ntitle: B\ndate: 2024-04-11\n---\n", FILE);
    expect(source.issues).toHaveLength(1);
    expect(source.issues[0]).toMatchObject({ file: FILE, line: 3, ruleId: "front-matter:yaml" });
    expect(source.issues[0]!.reason).toMatch(/unique/i);
  });

  it("reports a file without front-matter", () => {
    const source = readArticleSource("# Just a heading\n", FILE);
    expect(source.issues).toEqual([
      expect.objectContaining({ file: FILE, line: 1, column: 1, ruleId: "front-matter:missing" }),
    ]);
  });

  it("reports front-matter that is not a mapping", () => {
    const source = readArticleSource("---\n- a\n- b\n---\nBody\n", FILE);
    expect(source.issues).toEqual([expect.objectContaining({ line: 2, ruleId: "front-matter:shape" })]);
  });

  it("treats empty front-matter as no fields (the schema then reports what is missing)", () => {
    const source = readArticleSource("---\n---\nBody\n", FILE);
    expect(source.issues).toEqual([]);
    expect(source.data).toEqual({});
  });

  it("does not evaluate JavaScript or custom front-matter engines", () => {
    const source = readArticleSource("---js\n{ title: process.exit(1) }\n---\nBody\n", FILE);
    expect(source.data).toEqual({});
  });
});
