import { describe, expect, it } from "vitest";
import { DATE_ANCHOR_ID, SEARCH_PARAMS, TERM_ANCHOR_PREFIX, termAnchorId, termSlugOf } from "../../../src/search/page-attributes.js";
import { termUrl } from "../../../src/urls.js";

describe("termSlugOf", () => {
  it("is the last segment of a term's URL", () => {
    expect(termSlugOf({ url: "/people/yoav-gallant/" })).toBe("yoav-gallant");
    expect(termSlugOf({ url: "/archive/places/kestrel-bay/" })).toBe("kestrel-bay");
    expect(termSlugOf({ url: "/tags/middle-east" })).toBe("middle-east");
  });

  it("agrees with the URL module for every kind of term", () => {
    expect(termSlugOf({ url: termUrl("people", "antony-blinken") })).toBe("antony-blinken");
    expect(termSlugOf({ url: termUrl("places", "gaza") })).toBe("gaza");
    expect(termSlugOf({ url: termUrl("tags", "local-government") })).toBe("local-government");
  });

  it("is empty for a URL with no segments", () => {
    expect(termSlugOf({ url: "/" })).toBe("");
    expect(termSlugOf({ url: "" })).toBe("");
  });
});

describe("termAnchorId", () => {
  it("names the filter and the slug, which the search page splits at the first dash after the prefix", () => {
    expect(termAnchorId("person", { url: "/people/yoav-gallant/" })).toBe(`${TERM_ANCHOR_PREFIX}person-yoav-gallant`);
    expect(termAnchorId("place", { url: "/sub/places/tel-aviv-israel/" })).toBe(`${TERM_ANCHOR_PREFIX}place-tel-aviv-israel`);
  });

  it("uses filter keys the search page reads from the URL, none with a dash", () => {
    for (const key of ["person", "place", "tag"] as const) {
      expect(SEARCH_PARAMS).toContain(key);
      expect(key).not.toContain("-");
    }
  });

  it("gives the same slug under different filters different ids", () => {
    expect(termAnchorId("person", { url: "/people/jordan/" })).not.toBe(termAnchorId("place", { url: "/places/jordan/" }));
    expect(DATE_ANCHOR_ID.startsWith(TERM_ANCHOR_PREFIX)).toBe(false);
  });
});
