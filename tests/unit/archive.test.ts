import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/archive.js";
import { parseArticleDate } from "../../src/dates.js";

const article = (id: string, date: string) => ({ id, date: parseArticleDate(date)! });

describe("buildArchive", () => {
  it("groups newest-first articles into years and months, keeping their order", () => {
    const articles = [
      article("e", "2025-01-02"),
      article("d", "2024-04-30"),
      article("c", "2024-04-11T23:30:00-07:00"),
      article("b", "2024-02-29"),
      article("a", "2022-12-31"),
    ];
    const years = buildArchive(articles, (a) => a.date);
    const shape = years.map((y) => ({ year: y.year, ids: y.articles.map((a) => a.id), months: y.months.map((m) => [m.month, m.articles.map((a) => a.id)]) }));
    expect(shape).toEqual([
      { year: "2025", ids: ["e"], months: [["01", ["e"]]] },
      { year: "2024", ids: ["d", "c", "b"], months: [["04", ["d", "c"]], ["02", ["b"]]] },
      { year: "2022", ids: ["a"], months: [["12", ["a"]]] },
    ]);
    expect(years[1]!.months[0]).toMatchObject({ year: "2024", month: "04" });
  });

  it("files a date-time under the article's own day, not the UTC one", () => {
    const years = buildArchive([article("x", "2024-12-31T23:30:00-08:00")], (a) => a.date);
    expect(years.map((y) => [y.year, y.months.map((m) => m.month)])).toEqual([["2024", ["12"]]]);
  });

  it("is empty for no articles", () => {
    expect(buildArchive([], (a: { date: never }) => a.date)).toEqual([]);
  });
});
