import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { describe, expect, it, vi } from "vitest";
import { prepareArticle } from "../../../src/importer/prepare-article.js";
import { createMarkdown } from "../../../src/markdown.js";
import { slugify } from "../../../src/slugs.js";

// One story makes the entity finder fail as an internal bug would: the importer must still answer
// for that file alone instead of crashing the batch.
vi.mock("../../../src/entities/extract.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/entities/extract.js")>();
  return {
    ...original,
    extractEntities: (text: string) => {
      if (text.includes("TRIGGER-INTERNAL-FAILURE")) throw new Error("finder exploded");
      return original.extractEntities(text);
    },
  };
});

const fixture = (name: string) => readFile(new URL(`../../fixtures/raw/${name}`, import.meta.url));
const bytesOf = (text: string) => new TextEncoder().encode(text);

describe("prepareArticle", () => {
  it("reads a raw story into everything the importer writes", async () => {
    const bytes = await fixture("good/2023-06-01-harbour-vote.txt");
    const prepared = prepareArticle(bytes, "raw/harbour.txt");
    expect(prepared).toEqual({
      ok: true,
      file: "raw/harbour.txt",
      day: "2023-06-01",
      // The slug rule (cut at 80 characters, then a hash) is slugs.ts's; here it is applied to the title.
      slug: slugify("Councillors in Galway voted on Thursday to close the old harbour road to cars on summer"),
      sha256: createHash("sha256").update(bytes).digest("hex"),
      title: "Councillors in Galway voted on Thursday to close the old harbour road to cars on summer",
      summary: expect.stringMatching(/^Councillors in Galway voted on Thursday to close the old harbour road to cars on summer weekends\./),
      people: ["Niamh Gallagher"],
      places: ["Galway"],
      body: [
        "Councillors in Galway voted on Thursday to close the old harbour road to cars on summer weekends.",
        "Mayor Niamh Gallagher said the trial would start in July and run until September.",
        "Shop owners on the quay said they feared losing trade, but cyclists welcomed the plan.",
      ].join("\n\n"),
    });
  });

  it("escapes Markdown in the body so the page shows the journalist's characters, credits last", async () => {
    const prepared = prepareArticle(await fixture("good/2021-10-05-markdown-chars.txt"), "raw/cafe.txt");
    if (!prepared.ok) throw new Error(prepared.reason);
    const html = createMarkdown().render(prepared.body);
    expect(html).toContain("# Five *stars* for the_new café &amp; bar &lt;b&gt;opening&lt;/b&gt; in Cork");
    expect(html).toContain("1. The owners said [prices] would stay low; `espresso` costs €2.");
    expect(html).not.toMatch(/<(h1|ol|em|code|b)>/);
    expect(prepared.body.endsWith("Reporting by Ann Byrne; Editing by Joe Walsh")).toBe(true);
    // Credit lines name reporters, not the story's people.
    expect(prepared.people).not.toContain("Ann Byrne");
    expect(prepared.people).not.toContain("Joe Walsh");
  });

  it("gives the raw reader's own message for a file it cannot read", async () => {
    expect(prepareArticle(await fixture("broken/bad-date.txt"), "raw/bad-date.txt")).toEqual({
      ok: false,
      file: "raw/bad-date.txt",
      reason: expect.stringMatching(/^raw\/bad-date\.txt:1:\d+  error  .*raw-article:date$/),
    });
    const noDate = prepareArticle(bytesOf("Just a story.\n"), "raw/no-date.txt");
    expect(noDate).toMatchObject({ ok: false, file: "raw/no-date.txt" });
    expect(!noDate.ok && noDate.reason).toMatch(/^raw\/no-date\.txt:1:1  error  the first line must be ` date YYYY-MM-DD`; got "Just a story\."  raw-article:date-line$/);
  });

  it("turns an unexpected error into a failure for that file, in the same message format", () => {
    expect(prepareArticle(bytesOf(" date 2024-01-02 TRIGGER-INTERNAL-FAILURE here.\n"), "raw/x.txt")).toEqual({
      ok: false,
      file: "raw/x.txt",
      reason: "raw/x.txt:1:1  error  finder exploded  import:internal",
    });
  });

  it("gives the same answer for the same bytes", async () => {
    const bytes = await fixture("good/2023-06-01-harbour-vote.txt");
    expect(prepareArticle(bytes, "a.txt")).toEqual(prepareArticle(bytes, "a.txt"));
  });
});
