import { describe, expect, it } from "vitest";
import { compareLabels, compareNewestFirst } from "../../src/sort.js";

describe("compareNewestFirst", () => {
  it("puts newer first and breaks ties by file path, so every build lists alike", () => {
    const items = [
      { date: { epochMs: 1 }, file: "content/b.md" },
      { date: { epochMs: 2 }, file: "content/z.md" },
      { date: { epochMs: 1 }, file: "content/a.md" },
    ];
    expect([...items].sort(compareNewestFirst).map((i) => i.file)).toEqual(["content/z.md", "content/a.md", "content/b.md"]);
  });
});

describe("compareLabels", () => {
  it("sorts A–Z ignoring case and accents, numbers numerically, and never calls two labels equal", () => {
    expect(["zeta", "Élan", "apple", "G20", "G7", "elan"].sort(compareLabels)).toEqual(["apple", "elan", "Élan", "G7", "G20", "zeta"]);
    expect(compareLabels("José", "Jose")).not.toBe(0);
  });
});
