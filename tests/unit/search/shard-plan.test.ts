import { describe, expect, it } from "vitest";
import { articleMonthOf, planSearchShards } from "../../../src/search/shard-plan.js";
import { termSlugOf } from "../../../src/search/page-attributes.js";
import { articleUrl, outputPathForUrl, termUrl } from "../../../src/urls.js";

/** `n` article pages in month `YYYY-MM`. */
function pages(month: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => outputPathForUrl(articleUrl(`${month}-${String((i % 28) + 1).padStart(2, "0")}`, `a-${month}-${i}`)));
}

describe("articleMonthOf", () => {
  it("knows article pages by the shape articleUrl gives them", () => {
    expect(articleMonthOf(outputPathForUrl(articleUrl("2024-04-11", "blinken-gallant")))).toBe("2024-04");
  });
  it("ignores every other page", () => {
    for (const path of ["index.html", "2024/index.html", "2024/04/index.html", "2024/04/page/2/index.html", "2024/page/2/index.html", "people/x/index.html", "feed.xml"]) {
      expect(articleMonthOf(path)).toBeNull();
    }
  });
});

describe("planSearchShards", () => {
  it("keeps a small archive in one index", () => {
    const shards = planSearchShards([...pages("2023-01", 3), ...pages("2024-05", 2), "index.html", "2024/index.html"], { maxArticles: 10 });
    expect(shards).toHaveLength(1);
    expect(shards[0]).toMatchObject({ from: "2023-01", to: "2024-05", years: ["2023", "2024"] });
    expect(shards[0]!.paths).toHaveLength(5);
    expect(shards[0]!.glob).toBe("{2023/*,2024/*}/*/*/index.html");
  });

  it("packs whole months, oldest first, up to the cap", () => {
    const shards = planSearchShards([...pages("2020-01", 4), ...pages("2020-02", 4), ...pages("2020-03", 4), ...pages("2021-06", 1)], { maxArticles: 8 });
    expect(shards.map((s) => [s.from, s.to, s.paths.length])).toEqual([
      ["2020-01", "2020-02", 8],
      ["2020-03", "2021-06", 5],
    ]);
    // 2020 is split between shards, so its months are listed; 2021 is whole.
    expect(shards[0]!.glob).toBe("{2020/01,2020/02}/*/*/index.html");
    expect(shards[1]!.glob).toBe("{2020/03,2021/*}/*/*/index.html");
    expect(shards[1]!.years).toEqual(["2020", "2021"]);
  });

  it("gives a month larger than the cap a shard of its own", () => {
    const shards = planSearchShards([...pages("2020-01", 2), ...pages("2020-02", 9), ...pages("2020-03", 2)], { maxArticles: 5 });
    expect(shards.map((s) => s.paths.length)).toEqual([2, 9, 2]);
    expect(shards[1]!.glob).toBe("2020/02/*/*/index.html");
  });

  it("changes only the last shard when a new article is added at the end", () => {
    const before = [...pages("2020-01", 4), ...pages("2020-02", 4), ...pages("2020-03", 3)];
    const after = [...before, ...pages("2020-04", 1)];
    const [a, b] = [planSearchShards(before, { maxArticles: 8 }), planSearchShards(after, { maxArticles: 8 })];
    expect(b[0]).toEqual(a[0]);
    expect(b).toHaveLength(2);
    expect(b[1]!.paths.length).toBe(a[1]!.paths.length + 1);
  });

  it("keeps the open (last) group in two shards: completed blocks, and the block still filling", () => {
    const limits = { maxArticles: 6, tailArticles: 2 };
    const sealed = [...pages("2019-01", 3), ...pages("2019-02", 3)];
    const open = [...pages("2020-01", 2), ...pages("2020-02", 1)];
    const shape = (plan: ReturnType<typeof planSearchShards>) => plan.map((s) => [s.from, s.to, s.paths.length]);
    const plan = planSearchShards([...sealed, ...open], limits);
    expect(shape(plan)).toEqual([
      ["2019-01", "2019-02", 6],
      ["2020-01", "2020-01", 2],
      ["2020-02", "2020-02", 1],
    ]);
    // One more article fills the last block: only the last shard changes.
    const grown = planSearchShards([...sealed, ...open, ...pages("2020-03", 1)], limits);
    expect(grown.slice(0, 2)).toEqual(plan.slice(0, 2));
    expect(shape(grown)[2]).toEqual(["2020-02", "2020-03", 2]);
    // The next one starts a new block: the completed blocks become one shard.
    const next = planSearchShards([...sealed, ...open, ...pages("2020-03", 1), ...pages("2020-04", 1)], limits);
    expect(shape(next)).toEqual([
      ["2019-01", "2019-02", 6],
      ["2020-01", "2020-03", 4],
      ["2020-04", "2020-04", 1],
    ]);
    // A full open group is sealed whole, and a new one opens.
    const sealedAgain = planSearchShards([...sealed, ...open, ...pages("2020-03", 1), ...pages("2020-04", 1), ...pages("2020-05", 2)], limits);
    expect(shape(sealedAgain)).toEqual([
      ["2019-01", "2019-02", 6],
      ["2020-01", "2020-04", 5],
      ["2020-05", "2020-05", 2],
    ]);
  });

  it("never makes more than N / maxArticles + 2 shards", () => {
    const months = Array.from({ length: 120 }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
    const archive = months.flatMap((month) => pages(month, 17));
    const plan = planSearchShards(archive, { maxArticles: 500, tailArticles: 50 });
    expect(plan.length).toBeLessThanOrEqual(Math.floor(archive.length / 500) + 2);
    expect(plan.reduce((sum, s) => sum + s.paths.length, 0)).toBe(archive.length);
  });

  it("plans nothing for an archive without articles", () => {
    expect(planSearchShards(["index.html", "search/index.html"])).toEqual([]);
  });
});

describe("search attributes of an article page", () => {
  it("takes a term's slug from its URL", () => {
    expect(termSlugOf({ url: termUrl("people", "yoav-gallant") })).toBe("yoav-gallant");
  });
});
