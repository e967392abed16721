import { describe, expect, it } from "vitest";
import { ArticleValidationError, BuildLockedError, ConfigFileError, DatelineError, describeValue, formatIssues, type Issue } from "../../src/errors.js";

const dateIssue: Issue = {
  file: "content/2024/iran.md",
  line: 3,
  column: 7,
  severity: "error",
  field: "date",
  reason: '`date`: "2024-13-01" is not a date; expected YYYY-MM-DD',
  ruleId: "article-schema:date",
  hint: "write the day as YYYY-MM-DD",
};
const peopleIssue: Issue = { file: "content/2024/iran.md", line: 5, severity: "error", field: "people[1]", reason: "`people[1]` is empty; expected a name", ruleId: "article-schema:people" };
const otherFile: Issue = { file: "content/2023/x.md", severity: "error", field: "title", reason: "`title` is missing", ruleId: "article-schema:title" };
const warning: Issue = { file: "content/2023/y.md", line: 2, column: 1, severity: "warning", field: "tag", reason: "`tag` is not a Dateline field", ruleId: "article-schema:unknown-field" };

describe("formatIssues", () => {
  it("prints one line per issue (path:line:col, severity, reason, rule), hints, then a total", () => {
    expect(formatIssues([dateIssue, peopleIssue, otherFile])).toBe(
      [
        'content/2024/iran.md:3:7  error  `date`: "2024-13-01" is not a date; expected YYYY-MM-DD  article-schema:date',
        "  hint: write the day as YYYY-MM-DD",
        "content/2024/iran.md:5:1  error  `people[1]` is empty; expected a name  article-schema:people",
        "content/2023/x.md  error  `title` is missing  article-schema:title",
        "",
        "✖ 3 errors in 2 files — the build stopped before writing the site",
      ].join("\n"),
    );
  });

  it("counts only errors in the total, and prints no total for warnings alone", () => {
    expect(formatIssues([warning])).toBe("content/2023/y.md:2:1  warning  `tag` is not a Dateline field  article-schema:unknown-field");
    expect(formatIssues([dateIssue, warning]).split("\n").at(-1)).toBe("✖ 1 error in 1 file — the build stopped before writing the site");
  });

  it("takes another closing sentence for other commands", () => {
    expect(formatIssues([otherFile], "nothing was imported")).toBe(
      ["content/2023/x.md  error  `title` is missing  article-schema:title", "", "✖ 1 error in 1 file — nothing was imported"].join("\n"),
    );
  });

  it("prints nothing for no issues", () => {
    expect(formatIssues([])).toBe("");
  });
});

describe("error classes", () => {
  it("ArticleValidationError carries its issues and their formatted text", () => {
    const error = new ArticleValidationError([dateIssue]);
    expect(error).toBeInstanceOf(DatelineError);
    expect(error.name).toBe("ArticleValidationError");
    expect(error.issues).toEqual([dateIssue]);
    expect(error.message).toBe(formatIssues([dateIssue]));
  });

  it("keep their names and causes", () => {
    const cause = new Error("EEXIST");
    const error = new BuildLockedError("locked", { cause });
    expect([error.name, error.message, error.cause]).toEqual(["BuildLockedError", "locked", cause]);
    expect(new ConfigFileError([otherFile]).name).toBe("ConfigFileError");
  });
});

describe("describeValue", () => {
  it("shows values as a reader would recognise them", () => {
    expect(describeValue(undefined)).toBe("nothing");
    expect(describeValue(null)).toBe("an empty value");
    expect(describeValue("2024-13-01")).toBe('"2024-13-01"');
    expect(describeValue(42)).toBe("42");
    expect(describeValue(["a"])).toBe("a list");
    expect(describeValue({ a: 1 })).toBe("a mapping");
    expect(describeValue(new Date(Date.UTC(2024, 3, 11)))).toBe('"2024-04-11"');
    expect(describeValue("tab\there")).toBe('"tab\\there"');
    expect(describeValue("x".repeat(100))).toBe(JSON.stringify("x".repeat(57) + "…"));
  });
});
