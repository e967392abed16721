import { describe, expect, it } from "vitest";
import { SafeHtml, escapeHtml, html, inlineJson, trustedHtml } from "../../src/html.js";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
  });

  it("escapes already-escaped text again (no double-decoding shortcuts)", () => {
    expect(escapeHtml("&lt;b&gt;")).toBe("&amp;lt;b&amp;gt;");
  });

  it("replaces NUL and unpaired surrogates, keeping real astral characters", () => {
    expect(escapeHtml("a\u0000b")).toBe("a\uFFFDb");
    expect(escapeHtml("x\uD800y\uDC00z")).toBe("x\uFFFDy\uFFFDz");
    expect(escapeHtml("flag 🇺🇦 ok")).toBe("flag 🇺🇦 ok");
  });
});

describe("html template", () => {
  it("escapes every interpolation by default", () => {
    const title = `"><img src=x onerror=alert(1)>`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>',
    );
  });

  it("inserts SafeHtml (nested templates, trusted markup) as it is", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(inner).toBeInstanceOf(SafeHtml);
    expect(html`<p>${inner}${trustedHtml("<em>ok</em>")}</p>`.value).toBe("<p><b>&lt;i&gt;</b><em>ok</em></p>");
  });

  it("joins lists, prints numbers, and prints nothing for null, undefined and booleans", () => {
    expect(html`${["<a>", html`<b></b>`, 3]}|${null}|${undefined}|${false}|${true}|${0}`.value).toBe("&lt;a&gt;<b></b>3|||||0");
  });

  it("does not treat a look-alike object as safe", () => {
    const fake = { value: "<script>", toString: () => "<script>" } as unknown as string;
    expect(html`${fake}`.value).toBe("&lt;script&gt;");
  });
});

describe("inlineJson", () => {
  it("cannot close the script element or open a comment, and still parses to the same value", () => {
    const value = { title: "</script><script>alert(1)</script>", note: "<!-- x -->", amp: "a & b", seps: "\u2028\u2029" };
    const json = inlineJson(value).value;
    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(json)).toEqual(value);
    const page = `<script type="application/ld+json">${json}</script>`;
    expect(page.match(/<\/script/gi)).toHaveLength(1);
  });
});
