import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigFileError } from "../../src/errors.js";
import { DEFAULT_SETTINGS, checkPathPrefixFlag, isValidPathPrefix, loadSettings, parseSettings } from "../../src/settings.js";

const FILE = "content/site.yaml";

function issuesOf(text: string) {
  try {
    parseSettings(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).issues;
  }
  throw new Error("expected the settings to be refused");
}

describe("parseSettings", () => {
  it("reads every field and normalises the base URL and path prefix", () => {
    const settings = parseSettings(
      [
        "title: Kestrel Bay Chronicle",
        "description: News",
        "language: en-GB",
        "baseUrl: https://News.Example.org",
        "pathPrefix: archive",
        "perPage: 15",
        "feedLength: 30",
        "termFeedContent: full",
        "publisher: Kestrel Bay Media",
      ].join("\n"),
      FILE,
    );
    expect(settings).toEqual({
      title: "Kestrel Bay Chronicle",
      description: "News",
      language: "en-GB",
      baseUrl: "https://news.example.org/",
      pathPrefix: "/archive/",
      perPage: 15,
      feedLength: 30,
      termFeedContent: "full",
      publisher: "Kestrel Bay Media",
    });
  });

  it("gives every default for an empty file, and the title as publisher when none is set", () => {
    expect(parseSettings("", FILE)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings("title: The Quay", FILE).publisher).toBe("The Quay");
  });

  it("reads numbers-looking text as text: a title of 1984 is a title", () => {
    expect(parseSettings("title: 1984", FILE).title).toBe("1984");
  });

  it("reports every problem at once with file, line, field, what was found and what is expected", () => {
    const issues = issuesOf(["title: Kestrel", "perPage: ten", "feedLength: 0", "language: english!", "termFeedContent: all"].join("\n"));
    expect(issues.map((i) => [i.line, i.field, i.actual, i.ruleId])).toEqual([
      [2, "perPage", '"ten"', "settings:perPage"],
      [3, "feedLength", '"0"', "settings:feedLength"],
      [4, "language", '"english!"', "settings:language"],
      [5, "termFeedContent", '"all"', "settings:termFeedContent"],
    ]);
    expect(issues.every((i) => i.file === FILE && i.severity === "error" && i.expected)).toBe(true);
    const error = new ConfigFileError(issues);
    expect(error.message).toContain('content/site.yaml:2:1  error  `perPage` must be a whole number from 1 to 1000; got "ten"  settings:perPage');
    expect(error.message).toContain("✖ 4 errors in 1 file");
  });

  it("refuses fractions and out-of-range page sizes", () => {
    expect(issuesOf("perPage: 2.5")[0]!.field).toBe("perPage");
    expect(issuesOf("perPage: 1001")[0]!.expected).toBe("a whole number from 1 to 1000");
  });

  it("refuses a base URL with a path and says to use pathPrefix", () => {
    const [issue] = issuesOf("baseUrl: https://example.org/archive/");
    expect(issue!.field).toBe("baseUrl");
    expect(issue!.reason).toContain("origin alone");
    expect(issue!.hint).toContain("pathPrefix");
  });

  it("refuses base URLs that are not absolute http(s) URLs", () => {
    for (const bad of ["example.org", "ftp://example.org/", "/archive/", "https://"]) {
      expect(issuesOf(`baseUrl: "${bad}"`)[0]!.ruleId).toBe("settings:baseUrl");
    }
  });

  it("refuses path prefixes that climb or hold odd characters", () => {
    expect(issuesOf("pathPrefix: /a/../b/")[0]!.ruleId).toBe("settings:pathPrefix");
    expect(issuesOf('pathPrefix: "/a b/"')[0]!.ruleId).toBe("settings:pathPrefix");
  });

  const GOOD_PREFIXES = ["/", "", "/archive/", "archive", "/news/archive/", "/a.b_c-d~e/", "//archive//"];
  const BAD_PREFIXES = ["/../x/", "/a/./b/", "..", "/a?b/", "/a#b/", "/a//b/", "/a b/", "/a%2e/", "/a\\b/", "/a:b/", "/ä/"];

  it.each(GOOD_PREFIXES)("accepts the path prefix %j, as a setting and as the flag", (prefix) => {
    expect(isValidPathPrefix(prefix)).toBe(true);
    expect(checkPathPrefixFlag(prefix)).toBeUndefined();
    expect(() => parseSettings(`pathPrefix: ${JSON.stringify(prefix)}`, "content/site.yaml")).not.toThrow();
  });

  it.each(BAD_PREFIXES)("refuses the path prefix %j, as a setting and as the flag", (prefix) => {
    expect(isValidPathPrefix(prefix)).toBe(false);
    expect(issuesOf(`pathPrefix: ${JSON.stringify(prefix)}`)[0]!.ruleId).toBe("settings:pathPrefix");
    expect(checkPathPrefixFlag(prefix)).toBe(
      `--pathprefix: ${JSON.stringify(prefix)} is not a path prefix; expected a path like /archive/: letters, digits, - _ . ~ and /, with no empty, "." or ".." segment`,
    );
  });

  it("names an unknown setting, lists the known ones and suggests the likely one", () => {
    const [issue] = issuesOf("title: X\nbase_url: https://example.org/");
    expect(issue).toMatchObject({ line: 2, field: "base_url", ruleId: "settings:unknown", hint: "did you mean `baseUrl`?" });
    expect(issue!.reason).toContain("expected one of: title, description");
  });

  it("explains a file that is not a mapping, and broken YAML with its line", () => {
    expect(issuesOf("- a\n- b\n")[0]).toMatchObject({ ruleId: "settings:shape", actual: "a list" });
    const [yaml] = issuesOf("title: a\ntitle: b\n");
    expect(yaml).toMatchObject({ ruleId: "settings:yaml" });
    expect(issuesOf("title: [unclosed\n")[0]!.ruleId).toBe("settings:yaml");
  });
});

describe("loadSettings", () => {
  it("uses the defaults when there is no site.yaml, and names the file as shown to the user", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dateline-settings-"));
    try {
      expect(await loadSettings(dir)).toEqual(DEFAULT_SETTINGS);
      await writeFile(join(dir, "site.yaml"), "perPage: none\n");
      await expect(loadSettings(dir, "content")).rejects.toThrow("content/site.yaml:1:1  error  `perPage`");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads the sample site's settings", async () => {
    const settings = await loadSettings(new URL("../../content", import.meta.url).pathname);
    expect(settings.title).toBe("Kestrel Bay Chronicle");
    expect(settings.baseUrl).toBe("https://dateline.example.org/");
  });
});
