import { describe, expect, it } from "vitest";
import { absolutizeBodyLinks, prefixBodyLinks, rewriteBodyUrls } from "../../src/body-links.js";
import { createMarkdown } from "../../src/markdown.js";

const md = createMarkdown();
const render = (markdown: string) => md.render(markdown);

describe("rewriteBodyUrls", () => {
  it("hands the rewriter each href and src decoded, and writes its answer back escaped", () => {
    const body = render('[a](/x?a=1&b=2 "t") ![pic](/img/p.png)');
    const seen: string[] = [];
    const out = rewriteBodyUrls(body, (url) => {
      seen.push(url);
      return `${url}&"<`;
    });
    expect(seen).toEqual(["/x?a=1&b=2", "/img/p.png"]);
    expect(out).toContain('href="/x?a=1&amp;b=2&amp;&quot;&lt;"');
    expect(out).toContain('src="/img/p.png&amp;&quot;&lt;"');
    // The title attribute and the link text are left alone.
    expect(out).toContain('title="t"');
    expect(out).toContain(">a</a>");
  });

  it("leaves href= and src= written in the article's text or code alone", () => {
    const body = render('Write `<a href="/x">` or href="/y" in prose.');
    const out = rewriteBodyUrls(body, () => "/changed/");
    expect(out).toBe(body);
    expect(out).not.toContain("/changed/");
  });
});

describe("prefixBodyLinks", () => {
  const body = render(
    [
      "[site](/2021/03/15/footbridge/) [relative](../../2021/) [far](https://example.org/a)",
      "[proto](//cdn.example.org/x) [frag](#notes) ![img](/media/a.jpg)",
    ].join("\n"),
  );

  it("returns the body untouched at the root prefix", () => {
    expect(prefixBodyLinks(body, "/")).toBe(body);
  });

  it("prefixes site paths (links and images) and nothing else", () => {
    const out = prefixBodyLinks(body, "/archive/");
    expect(out).toContain('href="/archive/2021/03/15/footbridge/"');
    expect(out).toContain('src="/archive/media/a.jpg"');
    expect(out).toContain('href="../../2021/"');
    expect(out).toContain('href="https://example.org/a"');
    expect(out).toContain('href="//cdn.example.org/x"');
    expect(out).toContain('href="#notes"');
    expect(out).not.toContain("/archive/archive/");
  });
});

describe("absolutizeBodyLinks", () => {
  const articleUrl = "https://news.example.org/archive/2024/04/11/story/";
  const site = (url: string) => `https://news.example.org/archive${url}`;

  it("puts site paths on the site's address and resolves relative links against the article", () => {
    const body = render("[a](/2021/) [b](../../12/other/) [c](photo.jpg) [d](#x) [e](https://elsewhere.example/p)");
    const out = absolutizeBodyLinks(body, articleUrl, site);
    expect([...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "https://news.example.org/archive/2021/",
      "https://news.example.org/archive/2024/04/12/other/",
      "https://news.example.org/archive/2024/04/11/story/photo.jpg",
      "https://news.example.org/archive/2024/04/11/story/#x",
      "https://elsewhere.example/p",
    ]);
  });

  it("reads protocol-relative links as another host, not a site path", () => {
    const out = absolutizeBodyLinks(render("[p](//cdn.example.org/x)"), articleUrl, () => "https://wrong.example/");
    expect(out).toContain('href="https://cdn.example.org/x"');
  });

  it("keeps an ampersand in a query escaped after rewriting", () => {
    const out = absolutizeBodyLinks(render("[q](/search/?q=a&tag=b)"), articleUrl, site);
    expect(out).toContain('href="https://news.example.org/archive/search/?q=a&amp;tag=b"');
  });
});
