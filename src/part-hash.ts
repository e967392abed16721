import { hash } from "node:crypto";

/**
 * A short hash of a part that many page specs share (an article's listing card, a feed entry).
 * Build-cache keys put it in the part's place, so each part is serialised once per build however
 * many pages show it. Parts are immutable once made; the hash is kept with the object.
 */
const hashes = new WeakMap<object, string>();

export function partHash(part: object): string {
  let known = hashes.get(part);
  if (known === undefined) {
    known = textHash(JSON.stringify(part));
    hashes.set(part, known);
  }
  return known;
}

/**
 * Gives a part a key of its own instead of a hash of its JSON: for parts that are a function of
 * something already identified (an article's card is one of the article's content hash and URL).
 */
export function setPartKey(part: object, key: string): void {
  hashes.set(part, key);
}

/** sha1 of a text, base64url: the hash every build-cache key is made of. */
export function textHash(text: string): string {
  // The one-shot API: a Hash object per call costs as much again as hashing a short text.
  return hash("sha1", text, "base64url");
}
