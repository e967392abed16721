import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ParsedArticle } from "../load-articles.js";

/**
 * Parsed articles kept between builds, so an unchanged article skips gray-matter, zod and
 * markdown-it. An entry is trusted when the file's bytes hash the same as when it was parsed, under
 * the same Dateline code; path, size and modification time stand in for the hash when the file was
 * last modified well before the cache was written (git's "racy" rule: a file changed in the same
 * instant the cache was written is hashed again).
 *
 * Stored as shards (by path) of JSON, each written whole to a temporary file then renamed, so a
 * killed build leaves either the old or the new shard, and a one-article rebuild rewrites one shard.
 */

export interface CachedArticle {
  readonly size: number;
  readonly mtimeMs: number;
  /** sha1 of the file's bytes. */
  readonly hash: string;
  /** The parse result, or null when the file was not valid UTF-8. */
  readonly parsed: ParsedArticle | null;
}

interface Shard {
  version: string;
  savedAt: number;
  entries: Record<string, CachedArticle>;
}

const SHARDS = 32;

/**
 * The shards a long-lived process (`npm start`) last loaded or saved, with each shard file's
 * modification time then: the next build in the same process skips reading and parsing tens of
 * megabytes of JSON when no other process has written the cache since.
 */
const resident = new Map<string, { version: string; shards: Shard[]; stamps: number[] }>();

async function shardStamps(dir: string): Promise<number[]> {
  return Promise.all(Array.from({ length: SHARDS }, (_, i) => stat(join(dir, shardName(i))).then((s) => s.mtimeMs, () => -1)));
}
/** Modification times this close to the cache's writing are not trusted (coarse file-system clocks). */
const RACY_MS = 2_000;

export class ArticleCache {
  private readonly shards: Shard[];
  private readonly dirty = new Set<number>();
  private readonly seen = new Set<string>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly dir: string,
    private readonly version: string,
    shards: Shard[],
  ) {
    this.shards = shards;
  }

  /** Loads the cache in `dir`; shards written by other code versions, or unreadable, start empty. */
  static async load(dir: string, version: string): Promise<ArticleCache> {
    const stamps = await shardStamps(dir);
    const kept = resident.get(dir);
    if (kept && kept.version === version && kept.stamps.every((stamp, i) => stamp === stamps[i])) {
      return new ArticleCache(dir, version, kept.shards);
    }
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, async (_, i): Promise<Shard> => {
        try {
          const shard = JSON.parse(await readFile(join(dir, shardName(i)), "utf8")) as Shard;
          if (shard.version === version && shard.entries && typeof shard.savedAt === "number") return shard;
        } catch {
          // Missing or half-written by an older Dateline: parse again.
        }
        return { version, savedAt: 0, entries: {} };
      }),
    );
    resident.set(dir, { version, shards, stamps });
    return new ArticleCache(dir, version, shards);
  }

  /** An entry that may be used without reading the file: same size and mtime, not racy. */
  lookupByStat(path: string, size: number, mtimeMs: number): CachedArticle | undefined {
    const shard = this.shards[shardOf(path)]!;
    const entry = shard.entries[path];
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs && mtimeMs < shard.savedAt - RACY_MS) {
      this.seen.add(path);
      this.hits++;
      return entry;
    }
    return undefined;
  }

  /** An entry for these exact bytes, whatever their mtime; refreshes the stored size and mtime. */
  lookupByHash(path: string, hash: string, size: number, mtimeMs: number): CachedArticle | undefined {
    const index = shardOf(path);
    const entry = this.shards[index]!.entries[path];
    if (!entry || entry.hash !== hash) return undefined;
    this.seen.add(path);
    this.hits++;
    if (entry.size !== size || entry.mtimeMs !== mtimeMs) this.set(path, { ...entry, size, mtimeMs });
    else this.dirtyIfRacy(index, mtimeMs);
    return entry;
  }

  store(path: string, entry: CachedArticle): void {
    this.seen.add(path);
    this.misses++;
    this.set(path, entry);
  }

  /** Forgets files not seen in this build (deleted or renamed articles), then writes changed shards. */
  async save(): Promise<void> {
    this.shards.forEach((shard, index) => {
      for (const path of Object.keys(shard.entries)) {
        if (!this.seen.has(path)) {
          delete shard.entries[path];
          this.dirty.add(index);
        }
      }
    });
    if (this.dirty.size === 0) return;
    await mkdir(this.dir, { recursive: true });
    const savedAt = Date.now();
    await Promise.all(
      [...this.dirty].map(async (index) => {
        const shard = this.shards[index]!;
        shard.savedAt = savedAt;
        const file = join(this.dir, shardName(index));
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify(shard));
        await rename(temp, file);
      }),
    );
    this.dirty.clear();
    resident.set(this.dir, { version: this.version, shards: this.shards, stamps: await shardStamps(this.dir) });
  }

  private set(path: string, entry: CachedArticle): void {
    const index = shardOf(path);
    this.shards[index]!.entries[path] = entry;
    this.dirty.add(index);
  }

  /** A file modified near the shard's last save could not use the stat shortcut: save again so it can next time. */
  private dirtyIfRacy(index: number, mtimeMs: number): void {
    if (mtimeMs >= this.shards[index]!.savedAt - RACY_MS) this.dirty.add(index);
  }
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}

function shardName(index: number): string {
  return `articles-${String(index).padStart(2, "0")}.json`;
}

function shardOf(path: string): number {
  let h = 0;
  for (let i = 0; i < path.length; i++) h = (Math.imul(h, 31) + path.charCodeAt(i)) | 0;
  return (h >>> 0) % SHARDS;
}
