import { describe, expect, it } from "vitest";
import { paginate } from "../../src/pagination.js";

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("paginate", () => {
  it("gives an empty listing one empty page, so its URL exists", () => {
    expect(paginate([], 20, "/people/x/")).toEqual([
      { url: "/people/x/", number: 1, total: 1, items: [], firstUrl: "/people/x/", lastUrl: "/people/x/" },
    ]);
  });

  it("keeps 1 and 20 items on one page with no neighbours", () => {
    for (const n of [1, 20]) {
      const pages = paginate(items(n), 20, "/");
      expect(pages).toHaveLength(1);
      expect(pages[0]).toEqual({ url: "/", number: 1, total: 1, items: items(n), firstUrl: "/", lastUrl: "/" });
    }
  });

  it("puts the 21st item on page 2, linked both ways", () => {
    const pages = paginate(items(21), 20, "/");
    expect(pages).toEqual([
      { url: "/", number: 1, total: 2, items: items(20), firstUrl: "/", lastUrl: "/page/2/", nextUrl: "/page/2/" },
      { url: "/page/2/", number: 2, total: 2, items: [21], firstUrl: "/", lastUrl: "/page/2/", previousUrl: "/" },
    ]);
  });

  it("links middle pages to both neighbours and covers every item once, in order", () => {
    const pages = paginate(items(45), 10, "/tags/x/");
    expect(pages.map((p) => p.url)).toEqual(["/tags/x/", "/tags/x/page/2/", "/tags/x/page/3/", "/tags/x/page/4/", "/tags/x/page/5/"]);
    expect(pages[2]).toMatchObject({ previousUrl: "/tags/x/page/2/", nextUrl: "/tags/x/page/4/", items: items(30).slice(20) });
    expect(pages.flatMap((p) => p.items)).toEqual(items(45));
  });

  it("refuses a page size that is not a whole number from 1", () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => paginate([1], size, "/")).toThrow(RangeError);
  });
});
