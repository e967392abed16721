import type { TaxonomyKind } from "./article.js";
import { absoluteArticleLink } from "./body-links.js";
import { parseByline } from "./bylines.js";
import { lastModified } from "./feeds.js";
import type { SiteSettings } from "./settings.js";
import type { PlacedArticle } from "./site-model.js";
import { FRONT_PAGE_URL, absoluteUrl } from "./urls.js";

/**
 * What search engines and social sites read from an article page: Open Graph times and a
 * schema.org `NewsArticle`, built as plain data. The layout serialises it with `inlineJson`, so
 * no title or name can end the `<script>` element or break the JSON.
 */

interface JsonLdThing {
  readonly "@type": "Person" | "Organization" | "Place" | "Thing";
  readonly name: string;
  readonly url?: string;
}

export interface NewsArticleJsonLd {
  readonly "@context": "https://schema.org";
  readonly "@type": "NewsArticle";
  readonly mainEntityOfPage: { readonly "@type": "WebPage"; readonly "@id": string };
  readonly url: string;
  readonly headline: string;
  readonly description: string;
  readonly datePublished: string;
  readonly dateModified: string;
  readonly inLanguage: string;
  readonly author: readonly JsonLdThing[];
  readonly publisher: JsonLdThing;
  readonly isAccessibleForFree: true;
  readonly keywords?: readonly string[];
  /** The article's tags: what it is about. */
  readonly about?: readonly JsonLdThing[];
  /** The people and places it names, each with the URL of its page on the site. */
  readonly mentions?: readonly JsonLdThing[];
  readonly isBasedOn?: string;
}

export interface ArticleMetadata {
  /** ISO 8601, for `article:published_time`: the day, or the instant when the article gave one. */
  readonly publishedTime: string;
  readonly modifiedTime: string;
  readonly jsonLd: NewsArticleJsonLd;
}

/** A person, place or tag as the article page links it (site URL, before the path prefix). */
export interface TermRef {
  readonly label: string;
  readonly url: string;
}

export function buildArticleMetadata(
  article: Pick<PlacedArticle, "url" | "title" | "summary" | "excerpt" | "date" | "updated" | "byline" | "source">,
  terms: Readonly<Record<TaxonomyKind, readonly TermRef[]>>,
  settings: Pick<SiteSettings, "baseUrl" | "pathPrefix" | "language" | "publisher">,
): ArticleMetadata {
  const absolute = (url: string) => absoluteUrl(settings.baseUrl, settings.pathPrefix, url);
  const url = absolute(article.url);
  const publisher: JsonLdThing = { "@type": "Organization", name: settings.publisher, url: absolute(FRONT_PAGE_URL) };
  const bylineAuthors = article.byline ? parseByline(article.byline) : [];
  const author: JsonLdThing[] =
    bylineAuthors.length > 0
      ? bylineAuthors.map((a) => ({ "@type": a.kind === "person" ? "Person" : "Organization", name: a.name }))
      : [publisher];
  const thing = (type: JsonLdThing["@type"]) => (term: TermRef): JsonLdThing => ({ "@type": type, name: term.label, url: absolute(term.url) });
  const mentions = [...terms.people.map(thing("Person")), ...terms.places.map(thing("Place"))];
  const about = terms.tags.map(thing("Thing"));
  const publishedTime = article.date.iso;
  const modifiedTime = lastModified(article).iso;
  return {
    publishedTime,
    modifiedTime,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
      url,
      headline: article.title,
      description: article.summary ?? article.excerpt,
      datePublished: publishedTime,
      dateModified: modifiedTime,
      inLanguage: settings.language,
      author,
      publisher,
      isAccessibleForFree: true,
      ...(terms.tags.length > 0 ? { keywords: terms.tags.map((t) => t.label), about } : {}),
      ...(mentions.length > 0 ? { mentions } : {}),
      // A relative source (another article of the archive) is resolved as a body link would be.
      ...(article.source?.url ? { isBasedOn: absoluteArticleLink(article.source.url, url, absolute) } : {}),
    },
  };
}
