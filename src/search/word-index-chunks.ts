import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync, gzip, gzipSync } from "node:zlib";
import { decode, encode } from "cborg";
import { forEachWithLimit } from "../concurrency.js";
import { PAGEFIND_ENTRY_FILE } from "./index-layout.js";
import { SearchIndexError } from "./pagefind-cli.js";

/**
 * Re-cuts a finished Pagefind bundle's word index into smaller chunks.
 *
 * Pagefind cuts its index into chunks of about 20,000 word positions (a constant in its indexer,
 * with no flag), and a query fetches the whole chunk that holds each of its words, from every
 * shard it merges. A name that occurs in a few dozen articles thus costs a 30–50 KB chunk per
 * shard, mostly other words' positions. Cut smaller, the same query fetches a few KB per word and
 * shard; the price is a longer chunk table in the metadata every query loads, which is why the
 * target is a few KB and not one word per chunk.
 *
 * Words are moved whole: their encoded bytes are copied, never decoded and re-encoded, so what
 * the WebAssembly reads for a word is exactly what Pagefind wrote. Only the chunk table (first
 * and last word, file name) in the metadata and the metadata's name in the entry are rewritten,
 * in Pagefind's own formats (gzip over a signature and CBOR, see Pagefind's `pagefind_web`).
 */

const gzipAsync = promisify(gzip);

/** What every Pagefind data file starts with once inflated. */
const SIGNATURE = Buffer.from("pagefind_dcd");

/** Uncompressed bytes of a chunk; ~2.5× smaller on the wire. Measured in docs/search.md. */
export const WORD_CHUNK_BYTES = 6_000;

export interface EncodedWord {
  readonly word: string;
  /** The word's whole CBOR entry (its text and every page's positions), as Pagefind wrote it. */
  readonly bytes: Uint8Array;
}

export interface WordChunk {
  /** Bounds a query term is compared with to pick this chunk (shortened, as Pagefind does). */
  readonly from: string;
  readonly to: string;
  readonly words: readonly EncodedWord[];
}

export function inflatePagefindFile(compressed: Uint8Array, name: string): Uint8Array {
  const bytes = gunzipSync(compressed);
  if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new SearchIndexError(`search: ${name} is not a Pagefind data file (no "${SIGNATURE}" signature)`);
  }
  return bytes.subarray(SIGNATURE.length);
}

export function deflatePagefindFile(cbor: Uint8Array): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, cbor]));
}

/** The same bytes as deflatePagefindFile, compressed on libuv's thread pool. */
function deflatePagefindFileAsync(cbor: Uint8Array): Promise<Buffer> {
  return gzipAsync(Buffer.concat([SIGNATURE, cbor]));
}

/**
 * A chunk is `[[word, word, …]]`; each word is `[text, pages, …]`. Only each word's text is decoded;
 * its extent is found by walking the CBOR heads (decoding every position into JavaScript numbers
 * took ~0.35 s a 5,000-article shard, walking ~20 ms).
 */
export function splitChunkWords(cbor: Uint8Array, name: string): EncodedWord[] {
  let rest = readArrayHeader(cbor, 1, name);
  const count = readArrayLength(rest, name);
  rest = rest.subarray(arrayHeader(count).length);
  const words: EncodedWord[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const end = skipItem(rest, offset, name);
    words.push({ word: wordText(rest.subarray(offset, end), i, name), bytes: rest.subarray(offset, end) });
    offset = end;
  }
  if (offset !== rest.length) throw formatError(name, "bytes after the word list");
  return words;
}

/** The text of a word entry `[text, pages, …]`, its pages left undecoded. */
function wordText(entry: Uint8Array, index: number, name: string): string {
  const length = readArrayLength(entry, name, `word ${index} is not [text, pages]`);
  if (length < 2) throw formatError(name, `word ${index} is not [text, pages]`);
  const textStart = arrayHeader(length).length;
  const text: unknown = decode(entry.subarray(textStart, skipItem(entry, textStart, name)));
  if (typeof text !== "string") throw formatError(name, `word ${index} is not [text, pages]`);
  return text;
}

/** The offset just past the CBOR item that starts at `offset` (definite lengths only, as Pagefind writes). */
function skipItem(bytes: Uint8Array, offset: number, name: string): number {
  let pending = 1;
  let at = offset;
  while (pending > 0) {
    if (at >= bytes.length) throw formatError(name, "it ends inside an item");
    const head = bytes[at]!;
    const major = head >> 5;
    const info = head & 0x1f;
    let value: number;
    if (info < 24) {
      value = info;
      at += 1;
    } else if (info <= 27) {
      const size = 1 << (info - 24);
      value = 0;
      for (let i = 1; i <= size; i++) value = value * 256 + bytes[at + i]!;
      at += 1 + size;
    } else {
      throw formatError(name, "an item of unknown length");
    }
    pending--;
    if (major === 2 || major === 3) at += value; // byte and text strings: their bytes follow
    else if (major === 4) pending += value; // arrays: their items follow
    else if (major === 5) pending += 2 * value; // maps: keys and values
    else if (major === 6) pending += 1; // a tag: its item follows
  }
  if (at > bytes.length) throw formatError(name, "it ends inside an item");
  return at;
}

export function encodeChunk(words: readonly EncodedWord[]): Uint8Array {
  return Buffer.concat([arrayHeader(1), arrayHeader(words.length), ...words.map((word) => word.bytes)]);
}

/**
 * Groups words (in Pagefind's order) into chunks of at least `targetBytes`, then shortens each
 * pair of neighbouring bounds to the shortest prefixes that still tell them apart — Pagefind's
 * rule, on which its prefix search relies.
 */
export function cutWordChunks(words: readonly EncodedWord[], targetBytes = WORD_CHUNK_BYTES): WordChunk[] {
  const groups: EncodedWord[][] = [];
  let group: EncodedWord[] = [];
  let size = 0;
  for (const word of words) {
    group.push(word);
    size += word.bytes.length;
    if (size >= targetBytes) {
      groups.push(group);
      group = [];
      size = 0;
    }
  }
  if (group.length > 0) groups.push(group);

  const bounds = groups.map((chunk) => ({ from: chunk[0]!.word, to: chunk[chunk.length - 1]!.word }));
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [to, from] = distinctPrefixes(bounds[i]!.to, bounds[i + 1]!.from);
    bounds[i]!.to = to;
    bounds[i + 1]!.from = from;
  }
  return groups.map((chunk, i) => ({ ...bounds[i]!, words: chunk }));
}

/** Both strings cut one character past their common prefix (by code point, as Pagefind counts). */
function distinctPrefixes(a: string, b: string): [string, string] {
  const left = [...a];
  const right = [...b];
  let common = 0;
  while (common < left.length && common < right.length && left[common] === right[common]) common++;
  return [left.slice(0, common + 1).join(""), right.slice(0, common + 1).join("")];
}

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
  [key: string]: unknown;
}

/** The metadata's chunk table: `[from, to, file hash]` per chunk, in word order. */
type ChunkTable = [string, string, string][];

/**
 * Re-cuts the word index of the Pagefind bundle in `bundleDir` (one language, as Dateline indexes
 * each shard), in place. For a bundle being built, not one a browser may be reading.
 */
export async function recutBundleWordIndex(bundleDir: string, language: string, targetBytes = WORD_CHUNK_BYTES): Promise<void> {
  const entryPath = join(bundleDir, PAGEFIND_ENTRY_FILE);
  const entry = JSON.parse(await readFile(entryPath, "utf8")) as PagefindEntry;
  const index = entry.languages[language];
  if (!index) throw new SearchIndexError(`search: the index in ${bundleDir} has no language "${language}"`);
  const metaName = `pagefind.${index.hash}.pf_meta`;
  const meta = decode(inflatePagefindFile(await readFile(join(bundleDir, metaName)), metaName), { useMaps: false }) as unknown[];
  const table = meta[2];
  if (!isChunkTable(table)) throw formatError(metaName, "its third field is not the chunk table");

  const words: EncodedWord[] = [];
  for (const [, , hash] of table) {
    const name = `index/${hash}.pf_index`;
    const chunkWords = splitChunkWords(inflatePagefindFile(await readFile(join(bundleDir, name)), name), name);
    for (const word of chunkWords) {
      // The chunk table is searched by ranges (Rust's byte order), so a word out of order would never be found.
      if (words.length > 0 && Buffer.compare(Buffer.from(words[words.length - 1]!.word), Buffer.from(word.word)) >= 0) {
        throw formatError(name, `words out of order at "${word.word}"`);
      }
      words.push(word);
    }
  }

  const written = new Set<string>();
  const newTable: ChunkTable = [];
  const files: { hash: string; cbor: Uint8Array }[] = [];
  for (const chunk of cutWordChunks(words, targetBytes)) {
    const cbor = encodeChunk(chunk.words);
    const hash = uniqueName(language, cbor, 7, written);
    files.push({ hash, cbor });
    newTable.push([chunk.from, chunk.to, hash]);
  }
  // Compressing is most of the work: on the thread pool, a few files at a time.
  await forEachWithLimit(files, 4, async ({ hash, cbor }) => {
    await writeFile(join(bundleDir, "index", `${hash}.pf_index`), await deflatePagefindFileAsync(cbor));
  });
  for (const [, , hash] of table) {
    if (!written.has(hash)) await rm(join(bundleDir, "index", `${hash}.pf_index`));
  }

  meta[2] = newTable;
  const metaCbor = encode(meta);
  const metaHash = uniqueName(language, metaCbor, 10, new Set());
  await writeFile(join(bundleDir, `pagefind.${metaHash}.pf_meta`), deflatePagefindFile(metaCbor));
  if (metaHash !== index.hash) await rm(join(bundleDir, metaName));
  index.hash = metaHash;
  await writeFile(entryPath, JSON.stringify(entry));
}

/** `en_` and the first hex digits of the content's hash, lengthened until no other file has it. */
function uniqueName(language: string, bytes: Uint8Array, digits: number, taken: Set<string>): string {
  const hex = createHash("sha256").update(bytes).digest("hex");
  let length = digits;
  while (taken.has(`${language}_${hex.slice(0, length)}`) && length < hex.length) length++;
  const name = `${language}_${hex.slice(0, length)}`;
  taken.add(name);
  return name;
}

function isChunkTable(value: unknown): value is ChunkTable {
  return Array.isArray(value) && value.every((row) => Array.isArray(row) && row.length >= 3 && row.every((cell) => typeof cell === "string"));
}

/** A CBOR array header (major type 4) for `length` items. */
function arrayHeader(length: number): Uint8Array {
  if (length < 24) return Uint8Array.of(0x80 | length);
  if (length < 0x100) return Uint8Array.of(0x98, length);
  if (length < 0x10000) return Uint8Array.of(0x99, length >> 8, length & 0xff);
  return Uint8Array.of(0x9a, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}

function readArrayLength(bytes: Uint8Array, name: string, what = "expected an array"): number {
  const first = bytes[0] ?? 0;
  if (first >> 5 !== 4) throw formatError(name, what);
  const info = first & 0x1f;
  if (info < 24) return info;
  if (info === 24) return bytes[1]!;
  if (info === 25) return (bytes[1]! << 8) | bytes[2]!;
  if (info === 26) return ((bytes[1]! << 24) >>> 0) + (bytes[2]! << 16) + (bytes[3]! << 8) + bytes[4]!;
  throw formatError(name, "an array of unknown length");
}

function readArrayHeader(bytes: Uint8Array, length: number, name: string): Uint8Array {
  if (readArrayLength(bytes, name) !== length) throw formatError(name, `expected an array of ${length}`);
  return bytes.subarray(arrayHeader(length).length);
}

function formatError(name: string, what: string): SearchIndexError {
  return new SearchIndexError(
    `search: ${name} is not in the Pagefind index format Dateline knows (${what})\n` +
      `  hint: Dateline re-cuts Pagefind's word index; use the Pagefind version in package-lock.json`,
  );
}
