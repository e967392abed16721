/**
 * Reads a byline ("By Maeve Rutherford and Tom Achterberg", "Staff reporter", "Reuters") as the
 * authors it names, each a person or an organization, for feeds and schema.org metadata.
 */
export interface BylineAuthor {
  readonly name: string;
  readonly kind: "person" | "organization";
}

// Words that make a byline a desk, agency or publication rather than a person's name.
const ORGANIZATION_WORDS =
  /\b(staff|desk|team|newsroom|editors?|editorial|agency|agencies|press|news|service|bureau|reporters?|correspondents?|wire|media|office|department|council|ltd|inc|plc|llc|association|group|foundation|society|network|times|post|chronicle|courier|herald|gazette|journal|tribune|reuters)\b/i;

// Lower-case particles that may sit inside a person's name: "Ludwig van Beethoven", "Ibn al-Haytham".
const NAME_PARTICLES = new Set(["van", "von", "de", "der", "den", "da", "das", "do", "dos", "di", "du", "del", "della", "la", "le", "bin", "bint", "ibn", "al", "el", "y", "ter", "ten"]);

export function parseByline(byline: string): BylineAuthor[] {
  const text = byline.replace(/\s+/g, " ").trim().replace(/^by\s+/i, "");
  if (text === "") return [];
  // An organization's name may itself contain "and" or "&" ("Press and Wire Service"): keep it whole.
  if (ORGANIZATION_WORDS.test(text)) return [{ name: text, kind: "organization" }];
  return text
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((name) => ({ name, kind: looksLikePersonName(name) ? "person" : "organization" }));
}

/** Two to five words, each capitalised (or a name particle); a lone word or an acronym is a masthead. */
function looksLikePersonName(name: string): boolean {
  const words = name.split(" ");
  if (words.length < 2 || words.length > 5) return false;
  return words.every((word) => NAME_PARTICLES.has(word.toLowerCase().split("-")[0]!) || (/^\p{Lu}/u.test(word) && !/^\p{Lu}{2,}$/u.test(word)));
}
