import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AliasesFileError } from "../../src/aliases.js";
import { slugify } from "../../src/slugs.js";
import { articleText, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";
import { attr, parseHtml } from "../helpers/html.js";

/**
 * `content/aliases.yaml` in the build: a rename and an ignore entry added after a first build
 * change every page kind that shows the name (article, person page, people hub, the person's
 * feed, the sitemap) on the next build; a bad file stops the build naming `content/aliases.yaml`.
 */
const ARTICLES = {
  "2024/04/call.md": articleText(
    'title: "Envoy calls the minister"\ndate: 2024-04-11\npeople: ["Tony Blinken", "Yoav Gallant", "Desk Editor"]\nplaces: ["Israel"]',
  ),
  "2024/05/visit.md": articleText('title: "Envoy visits the region"\ndate: 2024-05-02\npeople: ["Antony Blinken", "Desk Editor"]\nplaces: ["Israel"]'),
};
const CALL_PAGE = "2024/04/11/envoy-calls-the-minister/index.html";
const VISIT_PAGE = "2024/05/02/envoy-visits-the-region/index.html";
const personPage = (name: string) => `people/${slugify(name)}/index.html`;
const personFeed = (name: string) => `people/${slugify(name)}/feed.xml`;

/** Labels of the links to person pages on a page, in page order. */
function personLinks(html: string): string[] {
  return parseHtml(html)
    .all("a", (a) => /\/people\/[^/]+\/$/.test(attr(a, "href") ?? ""))
    .map((a) => `${attr(a, "href")} ${a.children.map((c) => ("data" in c ? c.data : "")).join("").trim()}`);
}

describe("content/aliases.yaml in the build", () => {
  let project: FixtureProject;
  beforeAll(async () => {
    project = await createFixtureProject(ARTICLES, "dateline-aliases-build-");
    await project.build({ search: false });
  });
  afterAll(() => project.cleanup());

  it("without an aliases file every spelling has its own page", async () => {
    for (const name of ["Tony Blinken", "Antony Blinken", "Desk Editor", "Yoav Gallant"]) {
      expect(existsSync(join(project.outputDir, personPage(name))), name).toBe(true);
    }
    expect(personLinks(await project.read(CALL_PAGE))).toEqual(["/people/tony-blinken/ Tony Blinken", "/people/yoav-gallant/ Yoav Gallant", "/people/desk-editor/ Desk Editor"]);
  });

  it("a rename and an ignore entry change every page that shows the name after a rebuild", async () => {
    await project.write({ "aliases.yaml": 'people:\n  aliases:\n    "tony blinken": "Antony Blinken"\n  ignore:\n    - "Desk Editor"\n' });
    await project.build({ search: false });

    // Article pages: the renamed person links to the canonical page; the ignored name is gone.
    expect(personLinks(await project.read(CALL_PAGE))).toEqual(["/people/antony-blinken/ Antony Blinken", "/people/yoav-gallant/ Yoav Gallant"]);
    expect(personLinks(await project.read(VISIT_PAGE))).toEqual(["/people/antony-blinken/ Antony Blinken"]);
    for (const page of [CALL_PAGE, VISIT_PAGE]) expect(await project.read(page)).not.toMatch(/Tony Blinken|Desk Editor/);

    // Person pages and their feeds: one page for both spellings, none for the ignored name.
    expect(existsSync(join(project.outputDir, personPage("Tony Blinken")))).toBe(false);
    expect(existsSync(join(project.outputDir, personFeed("Tony Blinken")))).toBe(false);
    expect(existsSync(join(project.outputDir, personPage("Desk Editor")))).toBe(false);
    expect(existsSync(join(project.outputDir, personFeed("Desk Editor")))).toBe(false);
    const blinken = await project.read(personPage("Antony Blinken"));
    expect(parseHtml(blinken).texts("h1")).toEqual(["2 articles mentioning Antony Blinken"]);
    expect(blinken).toContain('href="/2024/04/11/envoy-calls-the-minister/"');
    expect(blinken).toContain('href="/2024/05/02/envoy-visits-the-region/"');
    const feed = await project.read(personFeed("Antony Blinken"));
    expect(feed).toContain("<title type=\"text\">Antony Blinken — ");
    expect(feed.match(/<entry>/g)?.length).toBe(2);

    // The people hub lists the canonical name once, with both articles, and not the others.
    const hub = await project.read("people/index.html");
    expect(personLinks(hub).sort()).toEqual(["/people/antony-blinken/ Antony Blinken", "/people/yoav-gallant/ Yoav Gallant"]);
    expect(hub).not.toMatch(/Tony Blinken|Desk Editor/);

    // The sitemap names no page that no longer exists.
    const sitemap = await project.read("sitemap.xml");
    expect(sitemap).toContain("/people/antony-blinken/</loc>");
    expect(sitemap).not.toMatch(/\/people\/tony-blinken\/|\/people\/desk-editor\//);
  });

  it("a bad aliases file stops the build, named as content/aliases.yaml with its line", async () => {
    await project.write({ "aliases.yaml": 'people:\n  aliases:\n    - "Tony Blinken"\n' });
    const failure = await project.build({ search: false }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AliasesFileError);
    expect((failure as Error).message).toBe(
      "content/aliases.yaml:3:1  error  `people.aliases` must map each variant to its canonical name; got a list  aliases:shape",
    );
    // The last good site is kept.
    expect(existsSync(join(project.outputDir, personPage("Tony Blinken")))).toBe(false);
    expect(existsSync(join(project.outputDir, personPage("Antony Blinken")))).toBe(true);
  });
});
