import { describe, expect, it } from "vitest";
import { SEARCH_PARAMS, searchTermsMeta, termSlugOf } from "../../../src/search/page-attributes.js";
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

describe("searchTermsMeta", () => {
  it("pairs each filter's slugs with the labels the article page shows", () => {
    const meta = searchTermsMeta({
      people: [{ label: "Yoav Gallant", url: "/people/yoav-gallant/" }, { label: "Antony Blinken", url: "/people/antony-blinken/" }],
      places: [{ label: "Gaza", url: "/places/gaza/" }],
      tags: [],
    });
    expect(JSON.parse(meta)).toEqual({
      person: [
        ["yoav-gallant", "Yoav Gallant"],
        ["antony-blinken", "Antony Blinken"],
      ],
      place: [["gaza", "Gaza"]],
      tag: [],
    });
  });

  it("uses the filter keys the search page reads from the URL", () => {
    const keys = Object.keys(JSON.parse(searchTermsMeta({ people: [], places: [], tags: [] })) as object);
    expect(keys).toEqual(["person", "place", "tag"]);
    for (const key of keys) expect(SEARCH_PARAMS).toContain(key);
  });

  it("survives labels with quotes, colons, commas and markup as JSON", () => {
    const label = 'O"Brien: <b>, \\ & ’';
    const meta = searchTermsMeta({ people: [{ label, url: "/people/o-brien/" }], places: [], tags: [] });
    expect((JSON.parse(meta) as { person: string[][] }).person).toEqual([["o-brien", label]]);
    expect(meta).not.toContain("\n");
  });
});
