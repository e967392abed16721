import { describe, expect, it } from "vitest";
import { Manifest } from "../../../src/output/manifest.js";
import { hashContent } from "../../../src/output/write-site.js";

const A = hashContent("a");
const B = hashContent("b");

function sample(): Manifest {
  const manifest = new Manifest();
  manifest.set("index.html", A, { size: 1, mtimeMs: 1796589712684.7559 });
  manifest.set("2024/01/02/x/index.html", B, { size: 200, mtimeMs: 5 });
  return manifest;
}

describe("a tree's manifest", () => {
  it("vouches for a file only with the same bytes and the stamp it was written with", () => {
    const manifest = sample();
    expect(manifest.vouchesFor("index.html", A, { size: 1, mtimeMs: 1796589712684.7559 })).toBe(true);
    expect(manifest.vouchesFor("index.html", B, { size: 1, mtimeMs: 1796589712684.7559 })).toBe(false);
    expect(manifest.vouchesFor("index.html", A, { size: 2, mtimeMs: 1796589712684.7559 })).toBe(false);
    expect(manifest.vouchesFor("index.html", A, { size: 1, mtimeMs: 1796589712684.7 })).toBe(false);
    expect(manifest.vouchesFor("index.html", A, null)).toBe(false);
    expect(manifest.vouchesFor("other.html", A, { size: 1, mtimeMs: 1796589712684.7559 })).toBe(false);
  });

  it("reads back what it stores, times to the last digit", () => {
    const back = Manifest.parse(sample().serialize())!;
    expect(back.listed()).toEqual(["index.html", "2024/01/02/x/index.html"]);
    expect(back.hashOf("2024/01/02/x/index.html")).toBe(B);
    expect(back.vouchesFor("index.html", A, { size: 1, mtimeMs: 1796589712684.7559 })).toBe(true);
    expect(back.vouchesFor("2024/01/02/x/index.html", B, { size: 200, mtimeMs: 5 })).toBe(true);
  });

  it("overwrites an entry set twice, and copies one from another manifest", () => {
    const manifest = sample();
    manifest.set("index.html", B, { size: 3, mtimeMs: 4 });
    expect(manifest.size).toBe(2);
    expect(manifest.hashOf("index.html")).toBe(B);
    const copy = new Manifest();
    copy.copyFrom(manifest, "2024/01/02/x/index.html");
    expect(copy.listed()).toEqual(["2024/01/02/x/index.html"]);
    expect(copy.vouchesFor("2024/01/02/x/index.html", B, { size: 200, mtimeMs: 5 })).toBe(true);
    expect(() => copy.copyFrom(manifest, "missing.html")).toThrow(/missing\.html/);
  });

  it("reads an older Dateline's manifest of one object per file", () => {
    const old = Manifest.parse(JSON.stringify({ "index.html": { hash: A, size: 1, mtimeMs: 2 } }))!;
    expect(old.vouchesFor("index.html", A, { size: 1, mtimeMs: 2 })).toBe(true);
  });

  it("is no manifest when the text is damaged", () => {
    const good = JSON.parse(sample().serialize()) as { hashes: string; sizes: number[] };
    for (const bad of [
      "null",
      "[]",
      JSON.stringify({ ...good, hashes: good.hashes.slice(1) }),
      JSON.stringify({ ...good, sizes: [1] }),
      JSON.stringify({ ...good, sizes: ["1", 2] }),
      JSON.stringify({ "index.html": { hash: A, size: "1", mtimeMs: 2 } }),
    ]) {
      expect(Manifest.parse(bad)).toBeUndefined();
    }
  });
});
