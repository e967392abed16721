import { describe, expect, it } from "vitest";
import { escapeXml, serializeXml, stripInvalidXmlChars, xmlElement, xmlText } from "../../src/xml.js";
import { runXmllintOnText } from "../helpers/xmllint.js";

describe("escapeXml", () => {
  it("escapes markup characters in text and attributes", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  });

  it("drops characters XML 1.0 forbids and keeps everything it allows", () => {
    expect(stripInvalidXmlChars("a\u0000b\u0007c\u000Bd\uFFFEe\uFFFFf")).toBe("abcdef");
    expect(stripInvalidXmlChars("lone \uD800 high, lone \uDC00 low")).toBe("lone  high, lone  low");
    const allowed = "tab\t nl\n cr\r é € \uD7FF \uE000 \uFFFD 😀 \u{10FFFF}";
    expect(stripInvalidXmlChars(allowed)).toBe(allowed);
  });
});

describe("serializeXml", () => {
  it("writes a document a real parser accepts, whatever the text holds", async () => {
    const hostile = `Title with <script>alert(1)</script> & "quotes" ]]> \u0000\uFFFE\uD800 end`;
    const xml = serializeXml(
      xmlElement("feed", { xmlns: "http://www.w3.org/2005/Atom", note: hostile, skipped: undefined }, [xmlText("title", hostile), xmlElement("empty")]),
    );
    expect(xml).toContain("<title>Title with &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt;  end</title>");
    expect(xml).not.toContain("skipped");
    expect(xml).toContain("<empty/>");
    const lint = await runXmllintOnText(xml);
    expect(lint.output).toBe("");
    expect(lint.ok).toBe(true);
  });

  it("is caught by the parser when a forbidden character gets through (the check can fail)", async () => {
    const lint = await runXmllintOnText('<?xml version="1.0"?><a>\u0001</a>');
    expect(lint.ok).toBe(false);
  });
});
