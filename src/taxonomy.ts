import type { TaxonomyKind } from "./article.js";
import { slugify } from "./slugs.js";
import { compareLabels } from "./sort.js";

/**
 * People, places and tags: each name an article gives becomes a term, keyed by its slug, so
 * "José Martí" and "Jose Marti" are one term shown under the spelling used most often.
 * Built in one pass over the articles (already sorted newest first), so every term's list is
 * sorted for free and no step ever filters all articles for one term.
 */
export interface Term<A> {
  readonly kind: TaxonomyKind;
  readonly slug: string;
  readonly label: string;
  /** Newest first, in the order the articles were given. */
  readonly articles: readonly A[];
  /** Spellings seen, most used first (the first is `label`). */
  readonly spellings: readonly string[];
}

export interface Taxonomy<A> {
  readonly kind: TaxonomyKind;
  /** A–Z by label. */
  readonly terms: readonly Term<A>[];
  readonly bySlug: ReadonlyMap<string, Term<A>>;
}

interface TermBuilder<A> {
  slug: string;
  articles: A[];
  spellings: Map<string, number>;
}

export function buildTaxonomy<A>(kind: TaxonomyKind, articles: readonly A[], namesOf: (article: A) => readonly string[]): Taxonomy<A> {
  const builders = new Map<string, TermBuilder<A>>();
  for (const article of articles) {
    for (const name of namesOf(article)) {
      const slug = slugify(name);
      let builder = builders.get(slug);
      if (!builder) {
        builder = { slug, articles: [], spellings: new Map() };
        builders.set(slug, builder);
      }
      builder.spellings.set(name, (builder.spellings.get(name) ?? 0) + 1);
      // An article naming the term twice is listed once: it would be the last one listed.
      if (builder.articles[builder.articles.length - 1] !== article) builder.articles.push(article);
    }
  }
  const terms: Term<A>[] = [];
  for (const builder of builders.values()) {
    const spellings = [...builder.spellings.entries()].sort(compareSpellings).map(([spelling]) => spelling);
    terms.push({ kind, slug: builder.slug, label: spellings[0]!, articles: builder.articles, spellings });
  }
  terms.sort((a, b) => compareLabels(a.label, b.label) || (a.slug < b.slug ? -1 : 1));
  return { kind, terms, bySlug: new Map(terms.map((term) => [term.slug, term])) };
}

/** Most used first; on a tie the spelling that keeps more accents, then A–Z, so the choice is stable. */
function compareSpellings([a, countA]: [string, number], [b, countB]: [string, number]): number {
  return countB - countA || nonAscii(b) - nonAscii(a) || (a < b ? -1 : a > b ? 1 : 0);
}

function nonAscii(text: string): number {
  let count = 0;
  for (const char of text) if (char.charCodeAt(0) > 127) count++;
  return count;
}
