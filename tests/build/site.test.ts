import { readFile, stat, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildReport } from "../../src/build.js";
import { ArticleValidationError } from "../../src/errors.js";
import { listFiles } from "../../src/output/write-site.js";
import { slugify } from "../../src/slugs.js";
import { REPO_DIR, SAMPLE_CONTENT_DIR, articleText, buildFixtureSite, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";
import { attr, hasClass, isInside, parseHtml, textOf, type ParsedPage } from "../helpers/html.js";

/**
 * Issue 3's build tests: a fixture archive built into a temp folder with the real `buildSite`,
 * then read back as HTML. Expected lists are computed from the fixture data here, independently of
 * src/site-model.ts.
 */

interface Fixture {
  file: string;
  title: string;
  date: string;
  people?: string[];
  places?: string[];
  tags?: string[];
  draft?: boolean;
  body?: string;
}

function fileText(a: Fixture): string {
  const lines = [`title: ${JSON.stringify(a.title)}`, `date: ${a.date}`];
  for (const key of ["people", "places", "tags"] as const) if (a[key]) lines.push(`${key}: ${JSON.stringify(a[key])}`);
  if (a.draft !== undefined) lines.push(`draft: ${a.draft}`);
  return articleText(lines.join("\n"), a.body ?? `${a.title}. Second sentence of the story.`);
}

const FIXTURES: Fixture[] = [
  { file: "2024/04/blinken.md", title: "Blinken calls Gallant", date: "2024-04-11", people: ["Antony Blinken", "Yoav Gallant"], places: ["Israel", "Iran"], tags: ["Diplomacy"] },
  { file: "2024/04/aid.md", title: "Aid convoy reaches Gaza", date: "2024-04-25", people: ["Antony Blinken"], places: ["Gaza"], tags: ["Aid", "diplomacy"] },
  { file: "2024/01/marti.md", title: "Martí remembered in Havana", date: "2024-01-28", people: ["José Martí"], places: ["Havana", "Cuba"], tags: ["Culture"] },
  { file: "2023/06/marti.md", title: "A Marti statue for the park", date: "2023-06-02", people: ["Jose Marti"], places: ["Havana"], tags: ["Culture"] },
  { file: "2023/06/same-a.md", title: "Budget vote", date: "2023-06-02", places: ["Cuba"], tags: ["Economy"] },
  { file: "2023/06/same-b.md", title: "Budget vote", date: "2023-06-02", tags: ["Economy"] },
  { file: "2022/11/summit.md", title: "Summit in Tokyo", date: "2022-11-30T23:30:00-08:00", people: ["Fumio Kishida", "Antony Blinken"], places: ["Tokyo"], tags: ["Diplomacy"] },
  { file: "2022/11/draft.md", title: "Unfinished draft", date: "2022-11-15", people: ["Draft Person"], tags: ["Drafts"], draft: true },
];
const PUBLISHED = FIXTURES.filter((a) => !a.draft);

/** Independent expectation of each article's URL (second "Budget vote" of the day gets -2). */
function expectedUrl(a: Fixture): string {
  const day = a.date.slice(0, 10);
  const base = `/${day.slice(0, 4)}/${day.slice(5, 7)}/${day.slice(8, 10)}/${slugify(a.title)}/`;
  return a.file === "2023/06/same-b.md" ? base.replace(/\/$/, "-2/") : base;
}

function sortKey(a: Fixture): number {
  return Date.parse(a.date.length === 10 ? `${a.date}T00:00:00Z` : a.date);
}
/** Newest first, ties in file-path order. */
function newestFirst(list: Fixture[]): Fixture[] {
  return [...list].sort((a, b) => sortKey(b) - sortKey(a) || (`content/${a.file}` < `content/${b.file}` ? -1 : 1));
}

let site: FixtureProject & { report: BuildReport };
let pages: Map<string, ParsedPage>;

async function page(url: string): Promise<ParsedPage> {
  let parsed = pages.get(url);
  if (!parsed) {
    const file = url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
    parsed = parseHtml(await site.read(file));
    pages.set(url, parsed);
  }
  return parsed;
}

/** The article links of a listing (every page of it), in order. */
async function listed(firstUrl: string): Promise<string[]> {
  const urls: string[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const p = await page(url);
    urls.push(...p.all("a", (a) => isInside(a, (el) => hasClass(el, "card-title"))).map((a) => attr(a, "href")!));
    const next = p.all("link", (l) => attr(l, "rel") === "next")[0];
    url = next ? attr(next, "href") : undefined;
  }
  return urls;
}

beforeAll(async () => {
  site = await buildFixtureSite(Object.fromEntries(FIXTURES.map((a) => [a.file, fileText(a)])));
  pages = new Map();
});
afterAll(() => site?.cleanup());

describe("a built fixture archive", () => {
  it("gives every published article its page, titled with its one h1", async () => {
    for (const a of PUBLISHED) {
      const p = await page(expectedUrl(a));
      expect(p.texts("h1"), a.file).toEqual([a.title]);
      expect(p.all("time")[0] && attr(p.all("time")[0]!, "datetime"), a.file).toBe(a.date);
    }
    expect(site.report.articles).toBe(PUBLISHED.length);
  });

  it("shows an article dated late in the evening at -08:00 on its own day", async () => {
    const p = await page("/2022/11/30/summit-in-tokyo/");
    expect(p.texts("time")[0]).toBe("30 November 2022");
  });

  const termCases: [string, string, string][] = [];
  for (const kind of ["people", "places", "tags"] as const) {
    const names = new Set(PUBLISHED.flatMap((a) => a[kind] ?? []));
    for (const name of names) termCases.push([kind, name, slugify(name)]);
  }
  it.each(termCases)("the %s page of %j lists exactly its articles, newest first", async (kind, _name, slug) => {
    const expected = newestFirst(PUBLISHED.filter((a) => (a[kind as "people"] ?? []).some((n) => slugify(n) === slug))).map(expectedUrl);
    expect(await listed(`/${kind}/${slug}/`)).toEqual(expected);
  });

  it("merges spellings with one slug into one page shown under the most used spelling", async () => {
    const p = await page("/people/jose-marti/");
    expect(p.texts("h1")).toEqual(["2 articles mentioning José Martí"]);
    const hub = await page("/people/");
    const labels = hub.all("a", (a) => attr(a, "href") === "/people/jose-marti/").map(textOf);
    expect(labels).toEqual(["José Martí"]);
    const tags = await page("/tags/");
    expect(tags.all("a", (a) => attr(a, "href") === "/tags/diplomacy/").map((a) => textOf(a.parent as never))).toEqual(["Diplomacy 3 articles"]);
  });

  it("lists each year and month with exactly its articles", async () => {
    const periods = new Set(PUBLISHED.flatMap((a) => [a.date.slice(0, 4), a.date.slice(0, 7)]));
    for (const period of periods) {
      const expected = newestFirst(PUBLISHED.filter((a) => a.date.startsWith(period))).map(expectedUrl);
      expect(await listed(`/${period.replace("-", "/")}/`), period).toEqual(expected);
    }
    const front = await listed("/");
    expect(front).toEqual(newestFirst(PUBLISHED).map(expectedUrl));
  });

  it("numbers the second same-day article with the same title -2", async () => {
    expect((await page("/2023/06/02/budget-vote/")).texts("h1")).toEqual(["Budget vote"]);
    expect((await page("/2023/06/02/budget-vote-2/")).texts("h1")).toEqual(["Budget vote"]);
    expect(site.report.warnings.map((w) => [w.file, w.ruleId])).toContainEqual(["content/2023/06/same-b.md", "urls:duplicate-slug"]);
  });

  it("leaves drafts out: no page, no term, not counted", async () => {
    const files = await listFiles(site.outputDir);
    expect(files.some((f) => f.includes("unfinished-draft"))).toBe(false);
    expect(files.some((f) => f.startsWith("people/draft-person/") || f.startsWith("tags/drafts/"))).toBe(false);
    expect(site.report.drafts).toBe(1);
    expect(await listed("/2022/11/")).toEqual(["/2022/11/30/summit-in-tokyo/"]);
  });

  it("resolves every internal link and asset to a file in _site/", async () => {
    const { broken, checked } = await checkLinks(site.outputDir, "/");
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    expect((await listFiles(site.outputDir)).some((f) => /^assets\/style\.[0-9a-f]{10}\.css$/.test(f))).toBe(true);
  });
});

describe("the sample site under a path prefix", () => {
  it("resolves every internal link and asset, all under the prefix", async () => {
    const sample = await buildFixtureSite({}, { copyContentFrom: SAMPLE_CONTENT_DIR, pathPrefix: "/news/archive/" });
    try {
      const { broken, checked, outsidePrefix } = await checkLinks(sample.outputDir, "/news/archive/");
      expect(broken).toEqual([]);
      expect(outsidePrefix).toEqual([]);
      expect(checked).toBeGreaterThan(1000);
    } finally {
      await sample.cleanup();
    }
  });
});

/**
 * Every href/src/action in every HTML page of `outputDir`, served at `prefix`: site-relative
 * references must land on a file; same-page fragments on an id.
 */
async function checkLinks(outputDir: string, prefix: string): Promise<{ broken: string[]; outsidePrefix: string[]; checked: number }> {
  const files = new Set(await listFiles(outputDir));
  const broken: string[] = [];
  const outsidePrefix: string[] = [];
  let checked = 0;
  for (const file of [...files].filter((f) => f.endsWith(".html"))) {
    const p = parseHtml(await readFile(join(outputDir, file), "utf8"));
    const ids = findIds(p);
    const pageUrl = prefix + file.replace(/index\.html$/, "");
    for (const el of [...p.all("a"), ...p.all("link"), ...p.all("script"), ...p.all("img"), ...p.all("form")]) {
      const ref = attr(el, "href") ?? attr(el, "src") ?? attr(el, "action");
      if (ref === undefined || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith("//")) continue;
      checked++;
      const [path, hash] = ref.split("#") as [string, string | undefined];
      if (path === "" && hash !== undefined) {
        if (!ids.has(hash)) broken.push(`${file}: #${hash}`);
        continue;
      }
      const bare = path.split("?")[0]!;
      const absolute = posix.resolve(posix.dirname(pageUrl + "x"), bare) + (bare.endsWith("/") && bare !== "/" ? "/" : "");
      if (!absolute.startsWith(prefix)) {
        outsidePrefix.push(`${file}: ${ref}`);
        continue;
      }
      const target = absolute.slice(prefix.length);
      const candidates = target === "" || target.endsWith("/") ? [`${target}index.html`] : [target, `${target}/index.html`];
      if (!candidates.some((c) => files.has(c))) broken.push(`${file}: ${ref}`);
    }
  }
  return { broken, outsidePrefix, checked };
}

function findIds(p: ParsedPage): Set<string> {
  const ids = new Set<string>();
  const walk = (nodes: readonly unknown[]) => {
    for (const node of nodes as { type: string; attribs?: Record<string, string>; children?: unknown[] }[]) {
      if (node.attribs?.id) ids.add(node.attribs.id);
      if (node.children) walk(node.children);
    }
  };
  walk(p.doc.children);
  return ids;
}

describe("hostile article text", () => {
  let hostile: FixtureProject;
  const title = `<script>alert("title")</script> "Quoted" & <b>bold</b>`;
  const person = `Eve "<script>alert(1)</script>"`;
  beforeAll(async () => {
    hostile = await buildFixtureSite({
      "2024/x.md": articleText(
        [`title: ${JSON.stringify(title)}`, "date: 2024-05-01", `people: ${JSON.stringify([person])}`, `tags: ${JSON.stringify(['tag"><img src=x onerror=alert(1)>'])}`].join("\n"),
        'Text {{ x }} and {% if user %}secret{% endif %} and {% raw %}.\n\n<iframe src="https://evil.example/"></iframe>\n\n[link](javascript:alert(1))',
      ),
    });
  });
  afterAll(() => hostile?.cleanup());

  it("escapes the title and names: they come back as text, never as markup", async () => {
    const files = await listFiles(hostile.outputDir);
    const articleFile = files.find((f) => f.startsWith("2024/05/01/"))!;
    const html = await hostile.read(articleFile);
    const p = parseHtml(html);
    expect(p.texts("h1")).toEqual([title]);
    expect(p.texts("title")[0]).toBe(`${title} — Dateline`);
    expect(p.all("a", (a) => /^\/people\/[^/]+\/$/.test(attr(a, "href") ?? "")).map(textOf)).toEqual([person]);
    expect(p.all("script").filter((s) => attr(s, "type") !== "application/ld+json")).toEqual([]);
    expect(p.all("b")).toEqual([]);
    expect(p.all("img")).toEqual([]);
    expect(html).toContain("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &quot;Quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toContain("<script>alert");
    const personPage = parseHtml(await hostile.read(`people/${slugify(person)}/index.html`));
    expect(personPage.texts("h1")).toEqual([`1 article mentioning ${person}`]);
    expect(personPage.all("a", (a) => hasClass(a.parent as never, "card-title")).map(textOf)).toEqual([title]);
  });

  it("shows template syntax and raw HTML in the body as text, and links no javascript: URL", async () => {
    const files = await listFiles(hostile.outputDir);
    const p = parseHtml(await hostile.read(files.find((f) => f.startsWith("2024/05/01/"))!));
    const body = p.all("div", (d) => hasClass(d, "article-body"))[0]!;
    expect(textOf(body)).toBe('Text {{ x }} and {% if user %}secret{% endif %} and {% raw %}. <iframe src="https://evil.example/"></iframe> [link](javascript:alert(1))');
    expect(p.all("iframe")).toEqual([]);
    expect(p.all("a", (a) => /javascript/i.test(attr(a, "href") ?? ""))).toEqual([]);
  });
});

describe("drafts on request", () => {
  it("includes drafts with includeDrafts", async () => {
    const draft = FIXTURES.find((a) => a.draft)!;
    const built = await buildFixtureSite({ [draft.file]: fileText(draft) }, { includeDrafts: true });
    try {
      expect(parseHtml(await built.read("2022/11/15/unfinished-draft/index.html")).texts("h1")).toEqual([draft.title]);
      expect(await built.read("people/draft-person/index.html")).toContain("Unfinished draft");
      expect(built.report.drafts).toBe(0);
    } finally {
      await built.cleanup();
    }
  });
});

describe("a bad article", () => {
  it("fails the build with every problem, named, and leaves the old _site/ byte for byte", async () => {
    const project = await createFixtureProject({ "2024/04/good.md": fileText(FIXTURES[0]!) });
    try {
      await project.build();
      const before = await snapshot(project.outputDir);
      expect(Object.keys(before).length).toBeGreaterThan(10);

      await project.write({
        "2024/iran.md": articleText("title: Iran\ndate: 2024-13-01\npeople: [Ali Khamenei, '']"),
        "2024/untitled.md": articleText("date: 2024-04-01"),
        "2024/04/good-2.md": fileText({ ...FIXTURES[1]! }),
      });
      const error = await project.build().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ArticleValidationError);
      expect((error as Error).message).toBe(
        [
          'content/2024/iran.md:3:1  error  `date`: "2024-13-01" is not a date; expected YYYY-MM-DD (or a date-time with offset like 2024-04-11T09:30:00+02:00)  article-schema:date',
          "  hint: write the day as YYYY-MM-DD; it is shown as written, whatever the time zone",
          "content/2024/iran.md:4:1  error  `people[1]` is empty; expected a name  article-schema:people",
          "content/2024/untitled.md  error  `title` is missing; expected the article's headline  article-schema:title",
          "",
          "✖ 3 errors in 2 files — the build stopped before writing the site",
        ].join("\n"),
      );
      expect(await snapshot(project.outputDir)).toEqual(before);
    } finally {
      await project.cleanup();
    }
  });
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of (await listFiles(dir)).sort()) {
    const bytes = await readFile(join(dir, file));
    out[file] = `${(await stat(join(dir, file))).mtimeMs} ${bytes.toString("base64")}`;
  }
  return out;
}

describe("the Eleventy config", () => {
  it("uses the configPath given, else Dateline's own when the project has none", async () => {
    const project = await createFixtureProject({ "2024/a.md": fileText(FIXTURES[0]!) });
    try {
      const plugin = join(REPO_DIR, "src/eleventy/plugin.ts");
      await writeFile(
        join(project.dir, "custom.config.mjs"),
        `import { datelinePlugin } from ${JSON.stringify(plugin)};
export default function (config) {
  config.addPlugin(datelinePlugin);
  config.addTemplate("extra.11ty.js", { render: () => "from the custom config" }, { permalink: "/extra.txt" });
}
export const config = { templateFormats: ["11ty.js"], markdownTemplateEngine: false, htmlTemplateEngine: false };
`,
      );
      await project.build({ configPath: "custom.config.mjs", search: false });
      expect(await project.read("extra.txt")).toBe("from the custom config");
      await project.build({ search: false });
      expect(await listFiles(project.outputDir)).not.toContain("extra.txt");
    } finally {
      await project.cleanup();
    }
  });
});
