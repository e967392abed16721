import { readdirSync, statSync } from "node:fs";
import { readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { readStateFile, rememberStateFile } from "../build-cache/json-memo.js";

/**
 * Lists the files of an output tree without reading every folder again. At 10,000 articles a
 * tree has about 20,000 folders, and reading them all takes half a second; a folder's ctime
 * changes whenever an entry is added to it, removed or renamed, so a folder whose ctime is the one
 * recorded when it was last read still holds what it held then. Only changed folders, and the new
 * folders they lead to, are read; the others cost one `stat`.
 *
 * A folder changed less than `RACY_MS` before the walk may change again within the same tick of
 * the file system's clock without its ctime moving (git's "racy" case): it is recorded, but read
 * again next time.
 */

/**
 * What one folder held when it was read: its ctime then, the names of its files joined by "/" (which
 * no name contains), and its subfolders by name. Nested and terse: a tree of 20,000 folders, most
 * holding one `index.html`, is a couple of megabytes of JSON.
 */
export type FolderListing = [ctimeMs: number, files: string, folders?: Record<string, FolderListing>];

/** A tree's folders as last read: the listing of its root. */
export type TreeListing = FolderListing;

export const RACY_MS = 2_000;

export interface ListingOptions {
  /** Folders changed this recently are read again next time (tests set 0). */
  readonly racyMs?: number;
  /** Milliseconds since the epoch at the start of the walk (tests). */
  readonly now?: number;
}

export interface ListingWalk {
  /** The tree's listing now, for the next walk; undefined when the tree is not there. */
  listing?: TreeListing;
  /** Folders read with `readdir` (the rest were known by their ctime). */
  foldersRead: number;
}

/**
 * Walks the tree at `root`, calling `onFile` with every file's relative path (`/` separators),
 * reading only the folders `previous` does not vouch for. A generator that yields after each
 * folder, so that a caller can pause the walk; `walk.listing` is complete when it is done.
 */
export function* walkTree(
  root: string,
  previous: TreeListing | undefined,
  onFile: (path: string) => void,
  walk: ListingWalk,
  options: ListingOptions = {},
): Generator<void> {
  const trustedBefore = (options.now ?? Date.now()) - (options.racyMs ?? RACY_MS);
  // Each folder to visit: its path, what was known of it, and where its new listing goes.
  const pending: [path: string, known: FolderListing | undefined, into: Record<string, FolderListing> | undefined, name: string][] = [["", previous, undefined, ""]];
  while (pending.length > 0) {
    const [folder, known, into, name] = pending.pop()!;
    const absolute = folder === "" ? root : `${root}/${folder}`;
    // The ctime first, then the entries: a change between the two is seen again next time.
    const info = statSync(absolute, { throwIfNoEntry: false });
    if (!info?.isDirectory()) continue;
    let files: string;
    let folders: string[];
    if (known && known[0] === info.ctimeMs) {
      files = known[1];
      folders = known[2] ? Object.keys(known[2]) : [];
    } else {
      let entries;
      try {
        entries = readdirSync(absolute, { withFileTypes: true });
      } catch {
        continue;
      }
      const names: string[] = [];
      folders = [];
      for (const entry of entries) {
        if (entry.isDirectory()) folders.push(entry.name);
        else if (entry.isFile()) names.push(entry.name);
      }
      files = names.join("/");
      walk.foldersRead++;
    }
    // -1: to be read again next time (see RACY_MS).
    const listing: FolderListing = [info.ctimeMs > trustedBefore ? -1 : info.ctimeMs, files];
    if (into) into[name] = listing;
    else walk.listing = listing;
    const prefix = folder === "" ? "" : `${folder}/`;
    if (files !== "") for (const file of files.split("/")) onFile(prefix + file);
    if (folders.length > 0) {
      const children: Record<string, FolderListing> = (listing[2] = {});
      for (const sub of folders) pending.push([prefix + sub, known?.[2]?.[sub], children, sub]);
    }
    yield;
  }
}

/**
 * The name of a tree's listing: its folder's inode and birth time, which stay the same when the
 * two trees swap names.
 */
export function treeKey(root: string): string | undefined {
  const info = statSync(root, { throwIfNoEntry: false });
  return info?.isDirectory() ? `${info.ino}:${info.birthtimeMs}` : undefined;
}

/** One file per tree, named by its key, beside the manifests. */
export function listingFile(stateDir: string, key: string): string {
  return join(stateDir, `listing-${key.replace(/[^0-9A-Za-z]+/g, "-")}.json`);
}

export function readTreeListing(stateDir: string, key: string | undefined): TreeListing | undefined {
  if (key === undefined) return undefined;
  const listing = readStateFile(listingFile(stateDir, key), (text) => JSON.parse(text) as TreeListing);
  return Array.isArray(listing) && typeof listing[0] === "number" && typeof listing[1] === "string" ? listing : undefined;
}

/**
 * Records `listing` for the tree `key` (temporary file, then rename) and removes the listings of
 * trees other than it and those named in `keep` (the other tree of the pair).
 */
export async function saveTreeListing(stateDir: string, key: string, listing: TreeListing, keep: readonly (string | undefined)[]): Promise<void> {
  const file = listingFile(stateDir, key);
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, JSON.stringify(listing));
  await rename(temp, file);
  rememberStateFile(file, listing);
  const wanted = new Set([file, ...keep.flatMap((other) => (other === undefined ? [] : [listingFile(stateDir, other)]))]);
  for (const name of await readdir(stateDir)) {
    const path = join(stateDir, name);
    if (name.startsWith("listing-") && name.endsWith(".json") && !wanted.has(path)) await rm(path, { force: true });
  }
}
