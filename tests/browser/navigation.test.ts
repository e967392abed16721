import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.js";
import { SAMPLE_CONTENT_DIR, buildFixtureSite, type FixtureProject } from "../helpers/build-fixture.js";
import { startStaticServer, type StaticServer } from "../helpers/static-server.js";

/**
 * The sample site in Chromium, served the way a static host serves it: a reader clicks from the
 * front page through an article, a person, a place, a year and a month and back; and axe-core finds
 * no serious or critical accessibility problem on any kind of page, in light or dark mode.
 */
const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let site: FixtureProject;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  site = await buildFixtureSite({}, { copyContentFrom: SAMPLE_CONTENT_DIR });
  server = await startStaticServer(site.outputDir);
  browser = await launchChromium();
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

const path = (page: Page) => new URL(page.url()).pathname;
const h1 = (page: Page) => page.locator("h1").innerText();

describe("clicking through the archive", () => {
  it("goes front page → article → person → back → place → back → year → month → front page", async () => {
    const page = await context.newPage();
    const front = await page.goto(`${server.url}/`);
    expect(front?.status()).toBe(200);

    // The newest article.
    const firstCard = page.locator(".card-title a").first();
    const articleTitle = (await firstCard.innerText()).trim();
    await firstCard.click();
    await page.waitForURL(/\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/);
    expect(await h1(page)).toBe(articleTitle);
    const articlePath = path(page);

    // A person named in it lists it.
    const person = page.locator(".article-terms.people a").first();
    const personName = (await person.innerText()).trim();
    await person.click();
    await page.waitForURL(/\/people\/[^/]+\/$/);
    expect(await h1(page)).toMatch(new RegExp(`^\\d+ articles? mentioning ${escapeRegExp(personName)}$`));
    expect(await page.locator(".card-title a").allInnerTexts()).toContain(articleTitle);

    await page.goBack();
    expect(path(page)).toBe(articlePath);

    // A place named in it lists it too.
    const place = page.locator(".article-terms.places a").first();
    const placeName = (await place.innerText()).trim();
    await place.click();
    await page.waitForURL(/\/places\/[^/]+\/$/);
    expect(await h1(page)).toMatch(new RegExp(`^\\d+ articles? mentioning ${escapeRegExp(placeName)}$`));
    expect(await page.locator(".card-title a").allInnerTexts()).toContain(articleTitle);

    await page.goBack();
    expect(path(page)).toBe(articlePath);

    // Its year, from the breadcrumbs, then its month from the year's month list.
    const year = articlePath.slice(1, 5);
    const month = articlePath.slice(6, 8);
    await page.locator(".breadcrumbs a", { hasText: year }).first().click();
    await page.waitForURL(new RegExp(`/${year}/$`));
    expect(await h1(page)).toMatch(new RegExp(`^\\d+ articles? from ${year}$`));
    await page.locator(`.months a[href$="/${year}/${month}/"]`).click();
    await page.waitForURL(new RegExp(`/${year}/${month}/$`));
    expect(await page.locator(".card-title a").allInnerTexts()).toContain(articleTitle);

    // And home again by the site name.
    await page.locator("a.site-name").click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.locator(".card-title a").first().innerText()).toBe(articleTitle);

    // Back and forward through history land where the reader was.
    await page.goBack();
    expect(path(page)).toBe(`/${year}/${month}/`);
    await page.close();
  });

  it("serves the 404 page with status 404 for a missing address", async () => {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await h1(page)).toBe("Page not found");
    await page.locator("main a", { hasText: "archive" }).click();
    await page.waitForURL(/\/archive\/$/);
    await page.close();
  });
});

/** One page of each kind; article and terms are found from the site itself. */
async function pagesToScan(): Promise<[string, string][]> {
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const article = await page.locator(".card-title a").first().getAttribute("href");
  await page.goto(`${server.url}${article}`);
  const person = await page.locator(".article-terms.people a").first().getAttribute("href");
  const place = await page.locator(".article-terms.places a").first().getAttribute("href");
  const tag = await page.locator(".article-terms.tags a").first().getAttribute("href");
  const year = await page.locator(".breadcrumbs a").nth(1).getAttribute("href");
  const month = await page.locator(".breadcrumbs a").nth(2).getAttribute("href");
  await page.close();
  return [
    ["front", "/"],
    ["article", article!],
    ["person", person!],
    ["place", place!],
    ["tag", tag!],
    ["people hub", "/people/"],
    ["places hub", "/places/"],
    ["tags hub", "/tags/"],
    ["year", year!],
    ["month", month!],
    ["archive", "/archive/"],
    ["search", "/search/?q=kestrel"],
    ["not found", "/missing/"],
  ];
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe("accessibility (axe-core)", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`finds no serious or critical violation on any kind of page in ${scheme} mode`, async () => {
      const targets = await pagesToScan();
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const problems: string[] = [];
      for (const [kind, url] of targets) {
        await page.goto(`${server.url}${url}`);
        await page.waitForLoadState("load");
        // Scan the search page with its results shown, as a reader sees it.
        if (kind === "search") await page.locator(".search-results:not([aria-busy]) li").first().waitFor({ timeout: 20_000 });
        await page.addScriptTag({ path: AXE_PATH });
        const violations = (await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
          return (await axe.run()).violations;
        })) as AxeViolation[];
        for (const v of violations) {
          if (v.impact !== "serious" && v.impact !== "critical") continue;
          for (const node of v.nodes) problems.push(`${kind} ${url} [${scheme}] ${v.id} (${v.impact}): ${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1, 2).join("") ?? v.help}`);
        }
      }
      await page.close();
      expect(problems).toEqual([]);
    }, 240_000);
  }

  it("really scans: dark mode changes the colours, and a low-contrast element is reported", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: "light" });
    const light = await background();
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await background()).not.toBe(light);
    await page.emulateMedia({ colorScheme: "light" });
    await page.evaluate(() => {
      const probe = document.createElement("p");
      probe.textContent = "Barely visible";
      probe.style.color = "#f4f4f4";
      probe.style.background = "#ffffff";
      document.querySelector("main")!.append(probe);
    });
    await page.addScriptTag({ path: AXE_PATH });
    const ids = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => v.id);
    });
    expect(ids).toContain("color-contrast");
    await page.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
