/**
 * Scoring of predicted people and places against a gold set, with the matching rules of the
 * project's annotation guide: names compared without case, accents, dots or punctuation (and, for
 * people, without leading titles); a prediction equal to the canonical name or a variant is a hit;
 * a prediction that is only part of a gold name (a surname, an alias) counts for nothing when that
 * entity was hit and as a false positive otherwise; predictions equal to or part of an ignored name
 * are not counted.
 */
export type EntityKind = "people" | "places";

export interface GoldArticle {
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly variants?: Readonly<Record<string, readonly string[]>>;
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  readonly ignore?: { readonly people?: readonly string[]; readonly places?: readonly string[] };
}

export interface Prediction {
  readonly people: readonly string[];
  readonly places: readonly string[];
}

export interface ArticleScore {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly hits: string[];
  readonly misses: string[];
  readonly falsePositives: string[];
}

export interface Figures {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface KindScore {
  readonly micro: Figures & { readonly tp: number; readonly fp: number; readonly fn: number };
  readonly macro: Figures;
  readonly articles: Record<string, ArticleScore>;
}

const PERSON_TITLES = new Set(
  ("mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep gov governor president minister secretary " +
    "gen general col colonel capt captain lt sgt rev reverend judge justice king queen prince princess pope sheikh " +
    "sheik bishop ambassador mayor chancellor emeritus administrator premier sens reps").split(" "),
);

/** Comparison form of a name (see the module comment). */
export function normalizeName(name: string, kind: EntityKind): string {
  let t = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  t = t.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb]/g, '"');
  t = t.toLowerCase().trim().replace(/'s$/, "").replace(/s'$/, "s").replace(/[.']/g, "");
  t = t.replace(/[\u2010-\u2015-]/g, " ").replace(/[^\p{L}\p{N}&\s]/gu, " ").replace(/\s+/g, " ").trim();
  t = t.replace(/^the /, "");
  if (kind === "people") {
    const words = t.split(" ");
    while (words.length > 1 && PERSON_TITLES.has(words[0]!)) words.shift();
    t = words.join(" ");
  }
  return t;
}

/** Every contiguous run of words of a normalised name, shorter than the name. */
function partsOf(name: string): Set<string> {
  const words = name.split(" ").filter(Boolean);
  const parts = new Set<string>();
  for (let length = 1; length < words.length; length++) {
    for (let start = 0; start + length <= words.length; start++) parts.add(words.slice(start, start + length).join(" "));
  }
  return parts;
}

export function scoreArticle(gold: GoldArticle, predicted: Prediction, kind: EntityKind): ArticleScore {
  const entities = gold[kind].map((canonical) => {
    const full = new Set([canonical, ...(gold.variants?.[canonical] ?? [])].map((n) => normalizeName(n, kind)));
    const partial = new Set<string>();
    for (const n of full) for (const p of partsOf(n)) partial.add(p);
    for (const a of gold.aliases?.[canonical] ?? []) partial.add(normalizeName(a, kind));
    for (const n of full) partial.delete(n);
    return { canonical, full, partial };
  });
  const ignored = new Set<string>();
  for (const name of gold.ignore?.[kind] ?? []) {
    const n = normalizeName(name, kind);
    ignored.add(n);
    for (const p of partsOf(n)) ignored.add(p);
  }
  const distinct = [...new Set(predicted[kind].map((p) => normalizeName(p, kind)).filter(Boolean))];
  const hit = new Set<number>();
  const pending: string[] = [];
  for (const p of distinct) {
    const index = entities.findIndex((e) => e.full.has(p));
    if (index >= 0) hit.add(index);
    else pending.push(p);
  }
  const falsePositives: string[] = [];
  for (const p of pending) {
    if (ignored.has(p)) continue;
    const owners = entities.map((e, i) => (e.partial.has(p) ? i : -1)).filter((i) => i >= 0);
    if (owners.length > 0 && owners.some((i) => hit.has(i))) continue;
    falsePositives.push(p);
  }
  const hits = entities.filter((_, i) => hit.has(i)).map((e) => e.canonical);
  const misses = entities.filter((_, i) => !hit.has(i)).map((e) => e.canonical);
  return { tp: hits.length, fp: falsePositives.length, fn: misses.length, hits, misses, falsePositives };
}

function figures(tp: number, fp: number, fn: number, emptyPrecision = 1, emptyRecall = 1): Figures {
  const precision = tp + fp === 0 ? emptyPrecision : tp / (tp + fp);
  const recall = tp + fn === 0 ? emptyRecall : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function scoreSet(
  gold: Readonly<Record<string, GoldArticle>>,
  predictions: Readonly<Record<string, Prediction>>,
  kind: EntityKind,
): KindScore {
  const articles: Record<string, ArticleScore> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perArticle: Figures[] = [];
  for (const id of Object.keys(gold).sort()) {
    const score = scoreArticle(gold[id]!, predictions[id] ?? { people: [], places: [] }, kind);
    articles[id] = score;
    tp += score.tp;
    fp += score.fp;
    fn += score.fn;
    perArticle.push(articleFigures(score));
  }
  const n = perArticle.length || 1;
  const macro = {
    precision: perArticle.reduce((s, f) => s + f.precision, 0) / n,
    recall: perArticle.reduce((s, f) => s + f.recall, 0) / n,
    f1: perArticle.reduce((s, f) => s + f.f1, 0) / n,
  };
  return { micro: { ...figures(tp, fp, fn), tp, fp, fn }, macro, articles };
}

/** Per-article figures: no counted predictions → P = 1; no gold → R = 1; neither → F1 = 1. */
function articleFigures(score: ArticleScore): Figures {
  const { tp, fp, fn } = score;
  if (tp + fp === 0 && tp + fn === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  if (tp + fp === 0 || tp + fn === 0) return { precision, recall, f1: 0 };
  return figures(tp, fp, fn);
}
