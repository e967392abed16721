import type { ArticleDate } from "./dates.js";

/** The front-matter of an article after validation and normalisation. */
export interface ArticleData {
  readonly title: string;
  readonly date: ArticleDate;
  readonly updated?: ArticleDate;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly tags: readonly string[];
  readonly summary?: string;
  readonly byline?: string;
  readonly source?: { readonly name?: string; readonly url?: string };
  readonly draft: boolean;
  readonly imported?: { readonly from?: string; readonly sha256?: string };
}

/**
 * An article's rendered body (Dateline's markdown-it output). Read on demand from the build cache:
 * a rebuild needs the bodies of the few pages it renders, not the whole archive's.
 */
export interface ArticleBody {
  readonly html: string;
}

/** An article read from disk: validated data plus its rendered body. */
export interface Article extends ArticleData {
  /** Path as the user sees it, relative to the project root (`content/2024/04/x.md`). */
  readonly file: string;
  /**
   * sha1 of the file's text. With Dateline's code it determines every other field but `file`, so
   * build-cache keys use it in place of the article (whose body is most of its bytes).
   */
  readonly contentHash: string;
  /** `slugify(title)`, made when the file is parsed and cached with it: a rebuild transliterates no title again. */
  readonly titleSlug: string;
  readonly body: ArticleBody;
  /** Plain-text lead: the summary, or the first sentences of the body. */
  readonly excerpt: string;
  /** Plain text of the whole body, for search and feeds' summaries. */
  readonly wordCount: number;
}

/** The taxonomies an article belongs to, in the order pages show them. */
export const TAXONOMY_KINDS = ["people", "places", "tags"] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];
