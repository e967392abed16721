import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { importBatch } from "../src/importer/import-batch.js";
import { createRandom } from "./corpus.js";

/**
 * Importer benchmark: generates `n` synthetic raw articles of about 600 words (seeded, so every run
 * reads the same corpus) in a temp folder and imports them with the real code path. Prints figures,
 * asserts nothing. `npx tsx bench/importer.ts 10000`
 */
export async function benchImporter(n: number): Promise<{ articles: number; seconds: number; perSecond: number }> {
  const root = await mkdtemp(path.join(tmpdir(), "dateline-bench-import-"));
  try {
    const input = path.join(root, "raw");
    await writeCorpus(input, n);
    const started = performance.now();
    const results = await importBatch({ inputs: [input], out: path.join(root, "content") });
    const seconds = (performance.now() - started) / 1000;
    const imported = results.filter((r) => r.status === "imported").length;
    if (imported !== n) throw new Error(`bench: expected ${n} imported articles, got ${imported}`);
    return { articles: n, seconds, perSecond: n / seconds };
  } finally {
    if (process.env.KEEP_BENCH) console.error("kept", root); else await rm(root, { recursive: true, force: true });
  }
}

const FIRST = "Maria Ahmed John Chen Elena Kofi Priya Lucas Amara Hiroshi Fatima Diego Ingrid Omar Sofia Wei Tomas Leila Samuel Aisha".split(" ");
const LAST = "Okafor Lindqvist Haddad Moreno Tanaka Kowalski Mbeki Castellano Nakamura Farouk Jensen Petrov Alvarez Osei Whitfield Rahman Dubois Ferreira Kaplan Novak".split(" ");
const PLACES = "Nairobi|Lisbon|Ohio|Peru|Manila|Glasgow|Kenya|Brazil|Texas|Jakarta|Ontario|Hamburg|Chile|Seoul|Morocco|Vietnam|Quebec|Lagos|Norway|Tasmania".split("|");
const ROLES = "Finance Minister|Mayor|Governor|President|chief executive|spokeswoman|coach|Senator|Professor|Judge".split("|");
const WORDS = ("the a of to and in that for on with as by at from council budget plan water school road market river " +
  "report week month year people families workers farmers prices rain harvest vote election court hospital bridge " +
  "project funding program growth trade talks support opposition region crisis officials residents police teachers " +
  "said would could will has have had been after before during while under over about more than most new local " +
  "national public early late second third several many some few large small major recent next last").split(" ");


function makeArticle(i: number): string {
  const rand = createRandom(i + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 600) {
    const sentences: string[] = [];
    for (let s = 0; s < 3; s++) {
      const body: string[] = [];
      for (let w = 0; w < 14; w++) body.push(pick(WORDS));
      const sentence = `${pick(ROLES)} ${person()} said the ${body.join(" ")} in ${pick(PLACES)}.`;
      sentences.push(sentence.charAt(0).toUpperCase() + sentence.slice(1));
      words += body.length + 7;
    }
    paragraphs.push(sentences.join(" "));
  }
  const month = String((i % 12) + 1).padStart(2, "0");
  const day = String((i % 28) + 1).padStart(2, "0");
  return ` date 20${String(10 + (i % 14))}-${month}-${day} ${paragraphs.join("\n\n")} Report ${i}.\n`;
}

async function writeCorpus(dir: string, n: number): Promise<void> {
  for (let start = 0; start < n; start += 1000) {
    const folder = path.join(dir, String(start / 1000));
    await mkdir(folder, { recursive: true });
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) writes.push(writeFile(path.join(folder, `${i}.txt`), makeArticle(i)));
    await Promise.all(writes);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const n = Number(process.argv[2] ?? 10_000);
  const result = await benchImporter(n);
  process.stdout.write(
    `importer: ${result.articles} articles of ~600 words in ${result.seconds.toFixed(1)} s (${result.perSecond.toFixed(0)} articles/s)\n`,
  );
}
