/**
 * What a tree of the built site holds: for each file (a relative path), the sha1 of its bytes and
 * the file's size and modification time when it was written, which say it is still those bytes.
 *
 * Kept as columns, and stored that way — the paths, every hash end to end, the sizes, the times —
 * rather than an object per file: a rebuild of 10,000 articles reads two manifests of 20,000 files
 * each, and three arrays and a string parse (and index) in about half the time of 20,000 objects.
 */

/** A file's size and modification time: what says it is still the file a manifest describes. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

/** sha1 in hex. */
const HASH_LENGTH = 40;

interface StoredManifest {
  paths: string[];
  hashes: string;
  sizes: number[];
  mtimes: number[];
}

export class Manifest {
  private readonly index = new Map<string, number>();
  private readonly paths: string[] = [];
  private readonly hashes: string[] = [];
  private readonly sizes: number[] = [];
  private readonly mtimes: number[] = [];

  get size(): number {
    return this.paths.length;
  }

  has(path: string): boolean {
    return this.index.has(path);
  }

  hashOf(path: string): string | undefined {
    const i = this.index.get(path);
    return i === undefined ? undefined : this.hashes[i];
  }

  /** Whether the manifest lists `path` with these bytes, and the file's stamp is still the one it was written with. */
  vouchesFor(path: string, hash: string, stamp: FileStamp | null | undefined): boolean {
    const i = this.index.get(path);
    return i !== undefined && !!stamp && this.hashes[i] === hash && this.sizes[i] === stamp.size && this.mtimes[i] === stamp.mtimeMs;
  }

  /** Every path listed, in the order they were added. */
  listed(): readonly string[] {
    return this.paths;
  }

  set(path: string, hash: string, stamp: FileStamp): void {
    let i = this.index.get(path);
    if (i === undefined) {
      i = this.paths.length;
      this.index.set(path, i);
      this.paths.push(path);
    }
    this.hashes[i] = hash;
    this.sizes[i] = stamp.size;
    this.mtimes[i] = stamp.mtimeMs;
  }

  /** Lists `path` as `from` lists it. */
  copyFrom(from: Manifest, path: string): void {
    const i = from.index.get(path);
    if (i === undefined) throw new Error(`${path} is not in the manifest it is copied from`);
    this.set(path, from.hashes[i]!, { size: from.sizes[i]!, mtimeMs: from.mtimes[i]! });
  }

  serialize(): string {
    return JSON.stringify({ paths: this.paths, hashes: this.hashes.join(""), sizes: this.sizes, mtimes: this.mtimes } satisfies StoredManifest);
  }

  /**
   * A manifest from its stored text; undefined when the text is not one. An older Dateline stored
   * an object per path (`{ "<path>": { hash, size, mtimeMs } }`): read too, so an upgrade keeps
   * the trees it already has.
   */
  static parse(text: string): Manifest | undefined {
    const data: unknown = JSON.parse(text);
    if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
    const manifest = new Manifest();
    const stored = data as Partial<StoredManifest>;
    if (Array.isArray(stored.paths)) {
      const { paths, hashes, sizes, mtimes } = stored;
      const n = paths.length;
      if (typeof hashes !== "string" || hashes.length !== n * HASH_LENGTH || !Array.isArray(sizes) || sizes.length !== n || !Array.isArray(mtimes) || mtimes.length !== n) {
        return undefined;
      }
      for (let i = 0; i < n; i++) {
        const path = paths[i];
        const size = sizes[i];
        const mtimeMs = mtimes[i];
        if (typeof path !== "string" || typeof size !== "number" || typeof mtimeMs !== "number") return undefined;
        manifest.set(path, hashes.slice(i * HASH_LENGTH, (i + 1) * HASH_LENGTH), { size, mtimeMs });
      }
      return manifest;
    }
    for (const [path, entry] of Object.entries(data as Record<string, { hash?: unknown; size?: unknown; mtimeMs?: unknown }>)) {
      if (typeof entry?.hash !== "string" || typeof entry.size !== "number" || typeof entry.mtimeMs !== "number") return undefined;
      manifest.set(path, entry.hash, { size: entry.size, mtimeMs: entry.mtimeMs });
    }
    return manifest;
  }
}
