import { encode } from "cborg";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { SearchIndexError } from "../../../src/search/pagefind-cli.js";
import {
  cutWordChunks,
  deflatePagefindFile,
  encodeChunk,
  inflatePagefindFile,
  splitChunkWords,
  type EncodedWord,
} from "../../../src/search/word-index-chunks.js";

/** A word entry as Pagefind 1.6 writes it: `[text, [[page delta, positions, meta positions]], []]`. */
const entry = (word: string, pages = 1) => [word, Array.from({ length: pages }, (_, i) => [i === 0 ? 0 : 1, [-25, i], []]), []];
const chunkOf = (words: string[]) => encode([words.map((word) => entry(word))]);
const wordOf = (word: string, size: number): EncodedWord => ({ word, bytes: new Uint8Array(size) });

describe("splitChunkWords and encodeChunk", () => {
  it("split a chunk into its words' own bytes, and join them back to the same bytes", () => {
    for (const count of [1, 23, 24, 300]) {
      const words = Array.from({ length: count }, (_, i) => `w${String(i).padStart(4, "0")}`);
      const chunk = chunkOf(words);
      const split = splitChunkWords(chunk, "index/x.pf_index");
      expect(split.map((w) => w.word)).toEqual(words);
      expect(Buffer.from(split[0]!.bytes)).toEqual(Buffer.from(encode(entry(words[0]!))));
      expect(Buffer.from(encodeChunk(split))).toEqual(Buffer.from(chunk));
    }
  });

  it("refuses a chunk that is not Pagefind's word list, naming the file", () => {
    expect(() => splitChunkWords(encode({ words: [] }), "index/en_1.pf_index")).toThrow(SearchIndexError);
    expect(() => splitChunkWords(encode([[["ok", []], 7]]), "index/en_2.pf_index")).toThrow(/index\/en_2\.pf_index.*word 1/);
    expect(() => splitChunkWords(new Uint8Array([...encode([[entry("a")]]), 0x01]), "index/en_3.pf_index")).toThrow(/bytes after/);
  });
});

describe("inflatePagefindFile and deflatePagefindFile", () => {
  it("round-trip through gzip and Pagefind's signature", () => {
    const cbor = chunkOf(["alpha", "beta"]);
    const file = deflatePagefindFile(cbor);
    expect([file[0], file[1]]).toEqual([0x1f, 0x8b]);
    expect(Buffer.from(inflatePagefindFile(file, "f"))).toEqual(Buffer.from(cbor));
  });

  it("refuses a gzipped file without the signature", () => {
    expect(() => inflatePagefindFile(gzipSync(Buffer.from("hello")), "pagefind.en_1.pf_meta")).toThrow(/pagefind\.en_1\.pf_meta is not a Pagefind data file/);
  });
});

describe("cutWordChunks", () => {
  it("closes a chunk once it reaches the target size, keeping word order", () => {
    const words = ["a", "b", "c", "d", "e"].map((w) => wordOf(w, 40));
    const chunks = cutWordChunks(words, 100);
    expect(chunks.map((c) => c.words.map((w) => w.word))).toEqual([["a", "b", "c"], ["d", "e"]]);
  });

  it("gives a word bigger than the target a chunk of its own", () => {
    const chunks = cutWordChunks([wordOf("big", 500), wordOf("small", 10), wordOf("tiny", 10)], 100);
    expect(chunks.map((c) => c.words.map((w) => w.word))).toEqual([["big"], ["small", "tiny"]]);
  });

  it("shortens neighbouring bounds to one character past their common prefix, as Pagefind does", () => {
    const words = [wordOf("apple", 100), wordOf("apricot", 100), wordOf("banana", 100), wordOf("bandana", 100)];
    const bounds = cutWordChunks(words, 100).map(({ from, to }) => [from, to]);
    expect(bounds).toEqual([
      ["apple", "app"],
      ["apr", "a"],
      ["b", "bana"],
      ["band", "bandana"],
    ]);
  });

  it("counts characters, not UTF-16 units, when shortening", () => {
    const bounds = cutWordChunks([wordOf("ab😀x", 100), wordOf("ab😀y", 100)], 100).map(({ from, to }) => [from, to]);
    expect(bounds).toEqual([
      ["ab😀x", "ab😀x"],
      ["ab😀y", "ab😀y"],
    ]);
  });

  it("makes no chunk of no words", () => {
    expect(cutWordChunks([], 100)).toEqual([]);
  });
});
