import { afterEach, describe, expect, it } from "vitest";
import type { BuildProgress, BuildStep } from "../../src/build-progress.js";
import { articleText, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";

/** What a build tells `onProgress`: each step from 0 to its total, in order, and nothing for steps with no work. */

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

const article = (title: string, date: string) => articleText(`title: ${title}\ndate: ${date}\npeople: [Ada Quill]\ntags: [harbour]`, `${title}: a story.`);

function byStep(events: readonly BuildProgress[]): Map<BuildStep, BuildProgress[]> {
  const steps = new Map<BuildStep, BuildProgress[]>();
  for (const event of events) steps.set(event.step, [...(steps.get(event.step) ?? []), event]);
  return steps;
}

/** Each step's counts start at 0, never go down, keep one total, and end at it. */
function expectWhole(events: readonly BuildProgress[]): void {
  expect(events[0]!.done).toBe(0);
  expect(new Set(events.map((e) => e.total)).size).toBe(1);
  for (let i = 1; i < events.length; i++) expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
  expect(events.at(-1)!.done).toBe(events[0]!.total);
}

describe("build progress", () => {
  it("reports articles read, pages done and articles indexed, each step whole and in that order", async () => {
    project = await createFixtureProject({
      "a.md": article("January news", "2020-01-10"),
      "b.md": article("February news", "2020-02-10"),
      "c.md": article("Next January news", "2021-01-10"),
    });
    const events: BuildProgress[] = [];
    const report = await project.build({ onProgress: (progress) => events.push(progress), search: { maxShardArticles: 2, tailShardArticles: 1 } });
    const steps = byStep(events);
    expect([...steps.keys()]).toEqual(["read", "pages", "search"]);
    // No step comes back once the next has begun.
    expect(events.map((e) => e.step)).toEqual([...steps.get("read")!, ...steps.get("pages")!, ...steps.get("search")!].map((e) => e.step));
    for (const list of steps.values()) expectWhole(list);
    expect(steps.get("read")![0]!.total).toBe(3);
    expect(steps.get("pages")![0]!.total).toBe(report.pages);
    expect(steps.get("search")![0]!.total).toBe(3);
    // One report per shard as it ends: two shards here.
    expect(steps.get("search")!.map((e) => e.done).slice(1)).toHaveLength(report.search!.indexed);
  });

  it("on a rebuild, counts kept pages as done, and reports no search step when no shard changed", async () => {
    project = await createFixtureProject({ "a.md": article("January news", "2020-01-10") });
    await project.build();
    const events: BuildProgress[] = [];
    const report = await project.build({ onProgress: (progress) => events.push(progress) });
    expect(report.rendered).toBe(0);
    const steps = byStep(events);
    expect([...steps.keys()]).toEqual(["read", "pages"]);
    expectWhole(steps.get("pages")!);
    expect(steps.get("pages")!.at(-1)!.done).toBe(report.pages);
  });
});
