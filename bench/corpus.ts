import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A deterministic synthetic news archive for the benchmark: N articles of 300–900 words with the
 * Markdown a news archive holds (headings, lists, quotes, links, emphasis), dates over 25 years,
 * 1–5 people from a Zipf-like pool of N/5 names, 1–3 places from about 500, 1–4 tags from about 200.
 * The same seed and N always give the same files, byte for byte.
 */

export interface CorpusArticle {
  /** Path under the content folder, `/` separated. */
  readonly path: string;
  readonly text: string;
}

/** mulberry32: small, fast, and good enough to make text that looks varied. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vel", "dor", "an", "is", "ur", "bel", "co", "fen", "gar", "hal", "jon", "ker", "mar", "nov", "pet", "ros", "sal", "tor", "vin", "zed", "el", "ya", "qui", "bra", "sto"];
const WORDS = (
  "the council said on would new year after minister police city government people two first last told " +
  "week report officials plan public local court health school water road market workers union budget " +
  "election vote river bridge harbour hospital village region national border talks agreement project " +
  "funding residents spokesman statement announced expected reported according early later since while " +
  "during against between under about more than most many some several three four million percent " +
  "increase decline rise fall record season weather storm flood fire trade exports farmers prices"
).split(" ");
const SITES = ["https://example.org/report", "https://news.example.com/story", "https://data.example.net/figures"];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function makeName(random: () => number, parts: number): string {
  let name = "";
  for (let i = 0; i < parts; i++) name += pick(random, SYLLABLES);
  return capitalize(name);
}

/** Distinct names: a counter suffix settles the rare collision so pools keep their size. */
function makePool(random: () => number, size: number, make: () => string): string[] {
  const seen = new Set<string>();
  const pool: string[] = [];
  while (pool.length < size) {
    let name = make();
    for (let n = 2; seen.has(name); n++) name = `${make()} ${n}`;
    seen.add(name);
    pool.push(name);
  }
  return pool;
}

/** Zipf-like choice (exponent 1): index i is chosen with weight 1/(i+1). */
function createZipf(size: number): (random: () => number) => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) cumulative[i] = total += 1 / (i + 1);
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

function sentence(random: () => number, mention?: string): string {
  const length = 8 + Math.floor(random() * 14);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(pick(random, WORDS));
  if (mention) words.splice(Math.floor(random() * words.length), 0, mention);
  const roll = random();
  if (roll < 0.08) words[2] = `*${words[2]}*`;
  else if (roll < 0.12) words[3] = `**${words[3]}**`;
  else if (roll < 0.16) words[1] = `[${words[1]}](${pick(random, SITES)})`;
  return capitalize(words.join(" ")) + ".";
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function yamlList(items: readonly string[]): string {
  return items.map((item) => `  - "${item}"`).join("\n");
}

function makeBody(random: () => number, words: number, mentions: readonly string[]): string {
  const blocks: string[] = [];
  let count = 0;
  let block = 0;
  while (count < words) {
    let text: string;
    const roll = random();
    if (block > 1 && roll < 0.08) text = `## ${capitalize(pick(random, WORDS))} ${pick(random, WORDS)} ${pick(random, WORDS)}`;
    else if (block > 1 && roll < 0.15) text = Array.from({ length: 3 + Math.floor(random() * 3) }, () => `- ${sentence(random)}`).join("\n");
    else if (block > 1 && roll < 0.21) text = `> ${sentence(random)} ${sentence(random)}`;
    else {
      const sentences = 2 + Math.floor(random() * 4);
      const parts: string[] = [];
      for (let i = 0; i < sentences; i++) parts.push(sentence(random, random() < 0.2 ? pick(random, mentions) : undefined));
      text = parts.join(" ");
    }
    blocks.push(text);
    count += countWords(text);
    block++;
  }
  return blocks.join("\n\n");
}

const YEARS = 25;
const LAST_YEAR = 2025;

/** Generates the corpus in memory, article by article. */
export function* generateCorpus(count: number, seed = 20240411): Generator<CorpusArticle> {
  const random = createRandom(seed);
  const people = makePool(random, Math.max(5, Math.floor(count / 5)), () => `${makeName(random, 2)} ${makeName(random, 2 + Math.floor(random() * 2))}`);
  const places = makePool(random, 500, () => makeName(random, 2 + Math.floor(random() * 2)));
  const tags = makePool(random, 200, () => `${pick(random, WORDS)}-${pick(random, SYLLABLES)}${pick(random, SYLLABLES)}`);
  const personIndex = createZipf(people.length);
  const startDay = Date.UTC(LAST_YEAR - YEARS + 1, 0, 1) / 86_400_000;
  const days = YEARS * 365;
  const distinct = (n: number, choose: () => string) => {
    const set = new Set<string>();
    for (let tries = 0; set.size < n && tries < n * 10; tries++) set.add(choose());
    return [...set];
  };
  for (let i = 0; i < count; i++) {
    const day = new Date((startDay + Math.floor(random() * days)) * 86_400_000).toISOString().slice(0, 10);
    const title = sentence(random).replace(/[*[\]()]|https?:\/\/\S+/g, "").replace(/\.$/, "").slice(0, 90).trim();
    const articlePeople = distinct(1 + Math.floor(random() * 5), () => people[personIndex(random)]!);
    const articlePlaces = distinct(1 + Math.floor(random() * 3), () => pick(random, places));
    const articleTags = distinct(1 + Math.floor(random() * 4), () => pick(random, tags));
    const body = makeBody(random, 300 + Math.floor(random() * 600), [...articlePeople, ...articlePlaces]);
    const text =
      `---\ntitle: "${title.replace(/"/g, "")}"\ndate: ${day}\n` +
      `people:\n${yamlList(articlePeople)}\nplaces:\n${yamlList(articlePlaces)}\ntags:\n${yamlList(articleTags)}\n` +
      `---\n\n${body}\n`;
    yield { path: `${day.slice(0, 4)}/${day.slice(5, 7)}/a${String(i).padStart(6, "0")}.md`, text };
  }
}

/** Writes the corpus (and a site.yaml) into `contentDir`. */
export async function writeCorpus(contentDir: string, count: number, seed?: number): Promise<{ files: number; bytes: number }> {
  const dirs = new Set<string>();
  let bytes = 0;
  let files = 0;
  await mkdir(contentDir, { recursive: true });
  await writeFile(join(contentDir, "site.yaml"), "title: Bench Gazette\nbaseUrl: https://bench.example.org/\n");
  const pending: Promise<void>[] = [];
  for (const article of generateCorpus(count, seed)) {
    const path = join(contentDir, article.path);
    const dir = path.slice(0, path.lastIndexOf("/"));
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    pending.push(writeFile(path, article.text));
    if (pending.length >= 64) await Promise.all(pending.splice(0));
    bytes += Buffer.byteLength(article.text);
    files++;
  }
  await Promise.all(pending);
  return { files, bytes };
}

/** One more article, dated after every other, for the "add one article" rebuild. */
export function extraArticle(n: number): CorpusArticle {
  const random = createRandom(9_000 + n);
  const body = makeBody(random, 500, ["Kamilo Renvel"]);
  return {
    path: `${LAST_YEAR}/12/zz-extra-${n}.md`,
    text: `---\ntitle: "Late edition ${n}: harbour bridge reopens"\ndate: ${LAST_YEAR}-12-31\npeople:\n  - "Kamilo Renvel"\nplaces:\n  - "Harbour Town"\ntags:\n  - "transport"\n---\n\n${body}\n`,
  };
}
