import { createHash } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { PageSource, PageSpec } from "../pages.js";
import { partHash, textHash } from "../part-hash.js";
import { readStateFile, rememberStateFile } from "./json-memo.js";

/**
 * Page-level incrementality. A page's bytes are a pure function of its spec, the render context
 * and the code (layouts included), so a page whose key — a hash of all three — is the same as last
 * build's has the same bytes as last build: it is not rendered again, and its file is reused.
 */

/** What the last build knew of each page: the key it rendered from, and the sha1 of the bytes. */
export interface PageRecords {
  /** Hash of code version + render context + the page spec. */
  keyOf(path: string): string | undefined;
  /** sha1 (hex) of the bytes that key rendered to. */
  hashOf(path: string): string | undefined;
}

/** Keys are `textHash`es and hashes sha1 in hex: fixed lengths, so they are stored end to end. */
const KEY_LENGTH = 27;
const HASH_LENGTH = 40;

/**
 * Stored as columns — the paths, then every key end to end, then every hash — rather than an
 * object per page: 20,000 pages parse into three values instead of 20,000 objects.
 */
interface StoredRecords {
  version: string;
  paths: string[];
  keys: string;
  hashes: string;
}

class ColumnRecords implements PageRecords {
  private readonly index = new Map<string, number>();

  constructor(private readonly stored: StoredRecords) {
    stored.paths.forEach((path, i) => this.index.set(path, i));
  }

  keyOf(path: string): string | undefined {
    const i = this.index.get(path);
    return i === undefined ? undefined : this.stored.keys.slice(i * KEY_LENGTH, (i + 1) * KEY_LENGTH);
  }

  hashOf(path: string): string | undefined {
    const i = this.index.get(path);
    return i === undefined ? undefined : this.stored.hashes.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH);
  }
}

const NO_RECORDS: PageRecords = { keyOf: () => undefined, hashOf: () => undefined };

function isStoredRecords(data: unknown): data is StoredRecords {
  const stored = data as StoredRecords;
  return (
    typeof stored?.version === "string" &&
    Array.isArray(stored.paths) &&
    typeof stored.keys === "string" &&
    typeof stored.hashes === "string" &&
    stored.keys.length === stored.paths.length * KEY_LENGTH &&
    stored.hashes.length === stored.paths.length * HASH_LENGTH
  );
}

/** The part of every key that is not the spec: code and context (settings, stylesheet URL…). */
export function contextKey(codeVersion: string, context: unknown): string {
  // Functions in the context (link helpers) are derived from the settings it also holds.
  return createHash("sha1").update(codeVersion).update("\0").update(JSON.stringify(context)).digest("hex");
}

/** One page's key: a hash of the context key and the page's identity (or its spec's text). */
export function pageKey(page: PageSource, context: string): string {
  return textHash(context + (page.identity ? page.identity() : specKeyText(page.spec())));
}

/**
 * The text a made spec's key hashes: its JSON, except that a listing's cards are left out and the
 * key of each (a hash of fixed length) follows the JSON. The model shares one card object among
 * every listing that shows the article, so each card is keyed once per build rather than once per
 * page that shows it.
 */
function specKeyText(page: PageSpec): string {
  if (page.kind === "listing") {
    const { items, ...rest } = page;
    let keys = "";
    for (const item of items) keys += partHash(item);
    return JSON.stringify(rest) + keys;
  }
  return JSON.stringify(page);
}

export async function loadPageRecords(file: string, codeVersion: string): Promise<PageRecords> {
  const stored = readStateFile(file, (text) => {
    const data: unknown = JSON.parse(text);
    // An older Dateline's layout, or a damaged file, is no record at all.
    return isStoredRecords(data) ? { version: data.version, records: new ColumnRecords(data) } : undefined;
  });
  // No record yet, or from an older Dateline: every page renders.
  return stored?.version === codeVersion ? stored.records : NO_RECORDS;
}

/**
 * Saves each page's key with the hash of its bytes (pages without a hash are left out: they render
 * next time). Temporary file then rename, so it is never half-written.
 */
export async function savePageRecords(file: string, codeVersion: string, keys: ReadonlyMap<string, string>, hashOf: (path: string) => string | undefined): Promise<void> {
  const stored: StoredRecords = { version: codeVersion, paths: [], keys: "", hashes: "" };
  const keyParts: string[] = [];
  const hashParts: string[] = [];
  for (const [path, key] of keys) {
    const hash = hashOf(path);
    if (hash === undefined || hash.length !== HASH_LENGTH || key.length !== KEY_LENGTH) continue;
    stored.paths.push(path);
    keyParts.push(key);
    hashParts.push(hash);
  }
  stored.keys = keyParts.join("");
  stored.hashes = hashParts.join("");
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(stored));
  await rename(temp, file);
  rememberStateFile(file, { version: codeVersion, records: new ColumnRecords(stored) });
}
