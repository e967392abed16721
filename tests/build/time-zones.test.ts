import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Element } from "domhandler";
import { findAll } from "domutils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleText, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";
import { diffSnapshots, runCommand, snapshotTree } from "../helpers/cli.js";
import { attr, parseHtml, textOf } from "../helpers/html.js";

/**
 * Issue 3: a date-only article is that calendar day on every page, whatever the machine's time
 * zone. TZ must be set before a process starts, so the real `npm run build` runs in a child process
 * per zone, on two copies of one fixture archive. The dates sit where a local-time formatter would
 * slip: midnight UTC is the previous evening in Los Angeles (New Year's Day would land in 2023), and
 * a late-evening instant west of Greenwich is the next day in Tokyo.
 */

interface Fixture {
  readonly file: string;
  readonly title: string;
  readonly slug: string;
  /** As written in the front-matter. */
  readonly date: string;
  readonly updated?: string;
  readonly people?: readonly string[];
}

const FIXTURES: readonly Fixture[] = [
  { file: "2023/12/fireworks.md", title: "Fireworks over the harbour", slug: "fireworks-over-the-harbour", date: "2023-12-31" },
  { file: "2024/01/swim.md", title: "New Year swim", slug: "new-year-swim", date: "2024-01-01", updated: "2024-03-01", people: ["Sofia Lindgren"] },
  { file: "2024/02/leap.md", title: "Leap day market", slug: "leap-day-market", date: "2024-02-29", people: ["Sofia Lindgren"] },
  { file: "2024/03/clocks.md", title: "Clocks go forward", slug: "clocks-go-forward", date: "2024-03-31" },
  { file: "2024/06/ferry.md", title: "Late ferry home", slug: "late-ferry-home", date: "2024-06-30T23:30:00-07:00" },
  { file: "2024/08/train.md", title: "First train of the day", slug: "first-train-of-the-day", date: "2024-08-01T01:00:00+09:00" },
];

const ZONES = ["America/Los_Angeles", "Asia/Tokyo"] as const;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const BASE = "http://localhost:8080";

// Expectations come from the strings above, not from the date code under test.
const dayOf = (written: string) => written.slice(0, 10);
function displayOf(written: string): string {
  const [y, m, d] = dayOf(written).split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
/** The feeds' RFC 3339 instant: midnight UTC for a day; the same instant, in UTC, for a date-time. */
const instantOf = (written: string) => (written.length === 10 ? `${written}T00:00:00Z` : new Date(written).toISOString().replace(".000Z", "Z"));
const urlOf = (a: Fixture) => `/${dayOf(a.date).replaceAll("-", "/")}/${a.slug}/`;
const yearOf = (a: Fixture) => a.date.slice(0, 4);
const monthOf = (a: Fixture) => a.date.slice(5, 7);
const NEWEST_FIRST = [...FIXTURES].sort((a, b) => Date.parse(instantOf(b.date)) - Date.parse(instantOf(a.date)));
const counted = (n: number) => `${n} article${n === 1 ? "" : "s"}`;

function fileText(a: Fixture): string {
  const lines = [`title: ${a.title}`, `date: ${a.date}`];
  if (a.updated) lines.push(`updated: ${a.updated}`);
  if (a.people) lines.push(`people: ${JSON.stringify(a.people)}`);
  return articleText(lines.join("\n"), `${a.title}, on the day it says.`);
}

const projects = new Map<string, FixtureProject>();
const zonesSeen = new Map<string, { zone: string; offsetMinutes: number }>();

beforeAll(async () => {
  const files = Object.fromEntries(FIXTURES.map((a) => [a.file, fileText(a)]));
  await Promise.all(
    ZONES.map(async (zone) => {
      const project = await createFixtureProject(files, "dateline-tz-");
      projects.set(zone, project);
      const build = await runCommand("src/cli/build.ts", [], project.dir, { TZ: zone });
      if (build.code !== 0) throw new Error(`build under TZ=${zone} exited ${build.code}:\n${build.output}`);
      // The same environment really puts a child process in that zone (else this test could not fail).
      const probe = await runCommand("tests/fixtures/scripts/dates-in-zone.ts", [], project.dir, { TZ: zone });
      zonesSeen.set(zone, JSON.parse(probe.output) as { zone: string; offsetMinutes: number });
    }),
  );
}, 180_000);
afterAll(() => Promise.all([...projects.values()].map((p) => p.cleanup())));

const read = (zone: string, path: string) => readFile(join(projects.get(zone)!.outputDir, path), "utf8");
const within = (el: Element, tag: string) => findAll((e) => e.name === tag, el.children);
/** `[datetime, text]` of every `<time>` on a page, in order. */
const timesOn = (html: string) => parseHtml(html).all("time").map((t) => [attr(t, "datetime"), textOf(t)]);
/** Each card of a listing: its link and the date it shows. */
const cardsOn = (html: string) =>
  parseHtml(html)
    .all("li", (li) => attr(li, "class") === "card")
    .map((card) => {
      const time = within(card, "time")[0]!;
      return [attr(within(card, "a")[0]!, "href"), attr(time, "datetime"), textOf(time)];
    });
const expectedCards = (list: readonly Fixture[]) => list.map((a) => [urlOf(a), a.date, displayOf(a.date)]);

describe.each(ZONES)("built under TZ=%s", (zone) => {
  it("really ran in that zone", () => {
    expect(zonesSeen.get(zone)).toMatchObject({ zone, offsetMinutes: zone === "Asia/Tokyo" ? -540 : 420 });
  });

  it.each(FIXTURES.map((a) => [a.file, a] as const))("puts %s at the day it says, with that date in <time>", async (_file, a) => {
    const times = timesOn(await read(zone, `${urlOf(a).slice(1)}index.html`));
    expect(times[0]).toEqual([a.date, displayOf(a.date)]);
    if (a.updated) expect(times).toContainEqual([a.updated, displayOf(a.updated)]);
  });

  it("lists each article on the year and month pages of the day it says, with its months and counts", async () => {
    for (const year of ["2023", "2024"]) {
      const inYear = NEWEST_FIRST.filter((a) => yearOf(a) === year);
      const html = await read(zone, `${year}/index.html`);
      expect(parseHtml(html).texts("h1"), year).toEqual([`${counted(inYear.length)} from ${year}`]);
      expect(cardsOn(html), year).toEqual(expectedCards(inYear));
      const months = [...new Set(inYear.map(monthOf))];
      expect(parseHtml(html).texts("li", (li) => /months-list/.test(attr(li.parent as Element, "class") ?? "")), year).toEqual(
        months.map((m) => `${MONTHS[Number(m) - 1]} ${counted(inYear.filter((a) => monthOf(a) === m).length)}`),
      );
      for (const month of months) {
        const inMonth = inYear.filter((a) => monthOf(a) === month);
        expect(cardsOn(await read(zone, `${year}/${month}/index.html`)), `${year}/${month}`).toEqual(expectedCards(inMonth));
      }
    }
    // No article slipped into a neighbouring month.
    for (const empty of ["2023/11", "2024/07", "2024/04"]) await expect(read(zone, `${empty}/index.html`)).rejects.toThrow(/ENOENT/);
  });

  it("dates the feed entries by the day (midnight UTC) or the instant given", async () => {
    const atom = await read(zone, "feed.xml");
    const entries = [...atom.matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]*)"\/>\s*<published>([^<]*)<\/published>\s*<updated>([^<]*)<\/updated>/g)];
    const expected = NEWEST_FIRST.map((a) => [`${BASE}${urlOf(a)}`, instantOf(a.date), instantOf(a.updated ?? a.date)]);
    expect(entries.map((m) => [m[1], m[2], m[3]])).toEqual(expected);

    const json = JSON.parse(await read(zone, "feed.json")) as { items: { url: string; date_published: string; date_modified: string }[] };
    expect(json.items.map((i) => [i.url, i.date_published, i.date_modified])).toEqual(expected);

    const person = await read(zone, "people/sofia-lindgren/feed.xml");
    expect([...person.matchAll(/<published>([^<]*)<\/published>/g)].map((m) => m[1])).toEqual(["2024-02-29T00:00:00Z", "2024-01-01T00:00:00Z"]);
  });
});

describe("the two builds", () => {
  it("are byte-identical, file for file", async () => {
    const [west, east] = await Promise.all(ZONES.map((zone) => snapshotTree(projects.get(zone)!.outputDir)));
    expect(west!.size).toBeGreaterThan(20);
    expect(diffSnapshots(east!, west!)).toBe("");
  });
});
