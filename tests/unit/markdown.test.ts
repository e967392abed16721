import { describe, expect, it } from "vitest";
import { countWords, createMarkdown, leadFromText, renderBody } from "../../src/markdown.js";

const md = createMarkdown();
const render = (text: string) => renderBody(md, text).html;

describe("createMarkdown: article text is untrusted", () => {
  it("shows raw HTML as text", () => {
    expect(render('<iframe src="https://evil.example/"></iframe>')).toBe('<p>&lt;iframe src=&quot;https://evil.example/&quot;&gt;&lt;/iframe&gt;</p>\n');
    expect(render("Hi <script>alert(1)</script> there")).toBe("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; there</p>\n");
    expect(render("<div onclick=x>\nblock\n</div>")).not.toMatch(/<div/);
  });

  it("leaves template syntax alone", () => {
    expect(render("Say {{ x }} and {% if a %}b{% endif %} and {% raw %}")).toBe("<p>Say {{ x }} and {% if a %}b{% endif %} and {% raw %}</p>\n");
  });

  it.each(["javascript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:x", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd"])("does not link %j", (url) => {
    const out = render(`[click](${url})`);
    expect(out).not.toMatch(/<a\b/);
    expect(out).not.toMatch(/href/);
  });

  it("does not make an image of an unsafe source", () => {
    expect(render("![x](javascript:alert(1))")).not.toMatch(/<img/);
  });

  it("links http(s) and relative URLs, keeping referrers private on external ones", () => {
    expect(render("[a](https://example.org/x) [b](/2024/) [c](#notes)")).toBe(
      '<p><a href="https://example.org/x" rel="noopener noreferrer">a</a> <a href="/2024/">b</a> <a href="#notes">c</a></p>\n',
    );
  });

  it("does not guess links from bare text or apply typography", () => {
    expect(render('www.example.org and "quotes" -- dashes')).toBe("<p>www.example.org and &quot;quotes&quot; -- dashes</p>\n");
  });
});

describe("renderBody", () => {
  it("takes the lead from the paragraphs (not headings) as plain text, and counts words", () => {
    const body = renderBody(md, "# Heading\n\nFirst *paragraph* here.\n\n> Second `code` one.\n");
    expect(body.lead).toBe("First paragraph here. Second code one.");
    expect(body.wordCount).toBe(7);
  });

  it("is empty for an empty body", () => {
    expect(renderBody(md, "")).toEqual({ html: "", lead: "", wordCount: 0 });
  });
});

describe("leadFromText", () => {
  it("keeps short text whole, with whitespace folded", () => {
    expect(leadFromText("  One.\n Two.  ", 280)).toBe("One. Two.");
  });

  it("cuts at the last sentence that fits", () => {
    const text = "The first sentence is reasonably long here. The second sentence also has words. The third one overflows the limit.";
    expect(leadFromText(text, 90)).toBe("The first sentence is reasonably long here. The second sentence also has words.");
  });

  it("cuts one long sentence at a word, with an ellipsis", () => {
    const lead = leadFromText("word ".repeat(100), 60);
    expect(lead.length).toBeLessThanOrEqual(60);
    expect(lead).toMatch(/^word( word)*…$/);
  });
});

describe("countWords", () => {
  it("counts what /\\S+/g finds, for ASCII and Unicode spaces alike", () => {
    const pieces = ["a", "bc", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\u200b", "é", "北京", "😀", "\u2028", "\f", "\v"];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 500; round++) {
      let text = "";
      for (let i = 0; i < 20; i++) text += pieces[Math.floor(random() * pieces.length)]!;
      expect(countWords(text), JSON.stringify(text)).toBe(text.match(/\S+/g)?.length ?? 0);
    }
  });
});
