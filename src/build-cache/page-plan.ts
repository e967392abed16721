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

export interface PageRecord {
  /** Hash of code version + render context + the page spec. */
  readonly key: string;
  /** sha1 of the bytes that key rendered to. */
  readonly hash: string;
}

export type PageRecords = ReadonlyMap<string, PageRecord>;

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
    const data = JSON.parse(text) as { version: string; pages: Record<string, PageRecord> };
    return { version: data.version, records: new Map(Object.entries(data.pages)) as PageRecords };
  });
  // No record yet, or from an older Dateline: every page renders.
  return stored?.version === codeVersion ? stored.records : new Map();
}

/** Written after the new site is live; temporary file then rename, so it is never half-written. */
export async function savePageRecords(file: string, codeVersion: string, records: PageRecords): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ version: codeVersion, pages: Object.fromEntries(records) }));
  await rename(temp, file);
  rememberStateFile(file, { version: codeVersion, records });
}
