import { createHash } from "node:crypto";

/**
 * A short hash of a part that many page specs share (an article's listing card, a feed entry).
 * Build-cache keys put it in the part's place, so each part is serialised once per build however
 * many pages show it. Parts are immutable once made; the hash is kept with the object.
 */
const hashes = new WeakMap<object, string>();

export function partHash(part: object): string {
  let hash = hashes.get(part);
  if (hash === undefined) {
    hash = textHash(JSON.stringify(part));
    hashes.set(part, hash);
  }
  return hash;
}

/** sha1 of a text, base64url: the hash every build-cache key is made of. */
export function textHash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}
