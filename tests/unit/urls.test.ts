import { describe, expect, it } from "vitest";
import {
  absoluteUrl,
  articleUrl,
  hubUrl,
  isSafeLinkUrl,
  monthUrl,
  normalizePathPrefix,
  outputPathForUrl,
  pageUrl,
  searchUrl,
  termFeedUrl,
  termUrl,
  withPathPrefix,
  yearUrl,
} from "../../src/urls.js";

describe("URL shapes (issue 3's table)", () => {
  it("builds every kind of page URL", () => {
    expect(articleUrl("2024-04-11", "talks-resume")).toBe("/2024/04/11/talks-resume/");
    expect(hubUrl("people")).toBe("/people/");
    expect(hubUrl("places")).toBe("/places/");
    expect(hubUrl("tags")).toBe("/tags/");
    expect(termUrl("people", "antony-blinken")).toBe("/people/antony-blinken/");
    expect(termFeedUrl("tags", "diplomacy")).toBe("/tags/diplomacy/feed.xml");
    expect(yearUrl("2024")).toBe("/2024/");
    expect(monthUrl("2024", "04")).toBe("/2024/04/");
  });

  it("numbers listing pages from 2, page 1 being the listing itself", () => {
    expect(pageUrl("/", 1)).toBe("/");
    expect(pageUrl("/", 2)).toBe("/page/2/");
    expect(pageUrl("/people/antony-blinken/", 3)).toBe("/people/antony-blinken/page/3/");
  });

  it("filters the search page with a query string", () => {
    expect(searchUrl()).toBe("/search/");
    expect(searchUrl({ person: "antony-blinken" })).toBe("/search/?person=antony-blinken");
    expect(searchUrl({ tag: "a&b" })).toBe("/search/?tag=a%26b");
  });
});

describe("outputPathForUrl", () => {
  it("writes folder URLs as index.html and file URLs as themselves", () => {
    expect(outputPathForUrl("/")).toBe("index.html");
    expect(outputPathForUrl("/2024/04/11/x/")).toBe("2024/04/11/x/index.html");
    expect(outputPathForUrl("/404.html")).toBe("404.html");
    expect(outputPathForUrl("/search/?q=x#top")).toBe("search/index.html");
  });

  it("refuses anything that could leave the output folder", () => {
    for (const url of ["", "../x", "/../x/", "/a/./b/", "/a/../", "//x/", "/a//b/", "x/", "https://example.org/", "/a%2e%2e/", "/a\\b/"]) {
      expect(() => outputPathForUrl(url)).toThrow(/not a site path/);
    }
  });

  it("writes the paths the model makes (letters, digits, dots, dashes) where the full checks would", () => {
    expect(outputPathForUrl("/people/jose-marti/page/2/")).toBe("people/jose-marti/page/2/index.html");
    expect(outputPathForUrl("/tags/x/feed.xml")).toBe("tags/x/feed.xml");
    expect(outputPathForUrl("/a.b/")).toBe("a.b/index.html");
    expect(outputPathForUrl("/a/b")).toBe("a/b");
  });
});

describe("path prefix and absolute URLs", () => {
  it("normalises prefixes", () => {
    for (const empty of [undefined, "", "/", " / ", "//"]) expect(normalizePathPrefix(empty)).toBe("/");
    expect(normalizePathPrefix("news")).toBe("/news/");
    expect(normalizePathPrefix("/news/archive")).toBe("/news/archive/");
  });

  it("adds the prefix to site paths only", () => {
    expect(withPathPrefix("/", "/people/")).toBe("/people/");
    expect(withPathPrefix("/news/", "/people/")).toBe("/news/people/");
    expect(withPathPrefix("/news/", "/")).toBe("/news/");
    expect(withPathPrefix("/news/", "https://example.org/")).toBe("https://example.org/");
    expect(withPathPrefix("/news/", "#main")).toBe("#main");
  });

  it("makes absolute URLs on the base URL, with the prefix", () => {
    expect(absoluteUrl("https://news.example.org/", "/", "/2024/")).toBe("https://news.example.org/2024/");
    expect(absoluteUrl("https://example.org/", "/news/", "/2024/")).toBe("https://example.org/news/2024/");
  });
});

describe("isSafeLinkUrl", () => {
  it.each(["https://example.org/", "http://example.org/", "HTTPS://EXAMPLE.ORG/", "/2024/", "../x", "#notes", "page.html", "?q=1", "mailto-like-path"])(
    "follows %j",
    (url) => expect(isSafeLinkUrl(url)).toBe(true),
  );
  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:x", "\u0000javascript:x", "data:text/html,<b>", "vbscript:x", "file:///etc/passwd", "mailto:a@b.c"])(
    "refuses %j",
    (url) => expect(isSafeLinkUrl(url)).toBe(false),
  );
});

describe("absoluteUrl", () => {
  it("gives what the URL parser gives, for plain and unusual paths alike", () => {
    const bases = ["https://news.example.org/", "http://127.0.0.1:8080/", "https://EXAMPLE.org:443/"];
    const paths = ["/", "/2024/04/11/talks-resume/", "/people/jose-marti/feed.xml", "/feed.json", "/a/./b/", "/a/../b/", "/.well-known/x", "/é/", "/a b/", "/a%20b/", "//evil.example/", "/search/?q=x", "/a#b", "/a..b/", "/-/_~/"];
    for (const base of bases) {
      for (const prefix of ["/", "/archive/", "/sub/path/"]) {
        for (const path of paths) expect(absoluteUrl(base, prefix, path), `${base} ${prefix} ${path}`).toBe(new URL(withPathPrefix(prefix, path), base).href);
      }
    }
  });
});
