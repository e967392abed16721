import { createHash } from "node:crypto";
import slugifyLibrary from "@sindresorhus/slugify";

/**
 * The one slug rule of the site. Every URL segment made from a name or a title comes from here.
 *
 * Slugging is memoised: @sindresorhus/slugify costs about a millisecond per distinct string, and an
 * archive repeats the same few thousand names tens of thousands of times.
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Longest slug we emit; keeps file names well under the 255-byte limit of common file systems. */
export const MAX_SLUG_LENGTH = 80;

export function slugify(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const slug = computeSlug(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, slug);
  return slug;
}

function computeSlug(text: string): string {
  const normalized = text.normalize("NFC").trim();
  let slug = slugifyLibrary(normalized, { decamelize: false });
  // "王伟 Jr" and "李娜 Jr" both transliterate to "jr": two people would share one page. When
  // transliteration drops a letter, digit or symbol, the slug carries a hash of what it dropped,
  // so such names stay apart while spellings that differ only in what is kept still meet.
  const lost = slug === "" ? "" : lostCharacters(normalized);
  if (lost !== "") slug += "-" + createHash("sha256").update(`${slug}\u0000${lost}`).digest("hex").slice(0, 8);
  if (slug.length > MAX_SLUG_LENGTH) {
    // Two long names that start alike must not share a page: the cut slug ends with a hash of the
    // whole one (of the slug, not the text, so spellings that slug alike still meet).
    const suffix = "-" + createHash("sha256").update(slug).digest("hex").slice(0, 8);
    const room = MAX_SLUG_LENGTH - suffix.length;
    const cut = slug.slice(0, room + 1).replace(/-[^-]*$/, "") || slug.slice(0, room);
    slug = cut.slice(0, room).replace(/-+$/, "") + suffix;
  }
  // Text with nothing transliterable ("!!!", emoji, all-CJK titles) still needs a stable, distinct
  // URL: derive it from the text itself so the same name always lands on the same page.
  if (slug === "") slug = "n-" + createHash("sha256").update(normalized).digest("hex").slice(0, 10);
  return slug;
}

/** Whether the transliteration keeps anything of one character, by character (few distinct ones). */
const keptByTransliteration = new Map<string, boolean>();

/**
 * The letters, digits and symbols of the text that transliteration drops, in order and case-folded
 * ("" when none). Accents (marks) and modifier letters and symbols (ʻ, ´) are not counted: like the
 * accent of "José", they qualify a neighbouring letter, and "Jose" must keep meeting "José". ASCII
 * is never counted, so plain ASCII names keep the slugs they always had; nor is U+FFFD, which
 * stands for a character that was unreadable before it reached us (a NUL, a broken byte).
 */
function lostCharacters(text: string): string {
  if (/^[\u0000-\u007F]*$/.test(text)) return "";
  let lost = "";
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80 || char === "\uFFFD" || !/^[\p{L}\p{N}\p{S}]$/u.test(char) || /^[\p{Lm}\p{Sk}]$/u.test(char)) continue;
    let kept = keptByTransliteration.get(char);
    if (kept === undefined) {
      kept = slugifyLibrary(char, { decamelize: false }) !== "";
      keptByTransliteration.set(char, kept);
    }
    if (!kept) lost += char.toLowerCase();
  }
  return lost;
}
