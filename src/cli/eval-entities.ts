import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { extractEntities } from "../entities/extract.js";
import { scoreSet, type EntityKind, type GoldArticle, type KindScore, type Prediction } from "../entities/score.js";
import { parseRawArticle } from "../importer/raw-article.js";

/**
 * `npm run eval:entities [-- --dev | --dir DIR] [--verbose] [--json]`
 * Scores the importer's people and places against a gold set: by default Dateline's own
 * (tests/fixtures/entities), with --dev the shared development set (../shared/entities-dev), or any
 * folder holding gold.json and raw/NNN.txt.
 */
const USAGE = "usage: npm run eval:entities -- [--dev | --dir DIR] [--verbose] [--json]";

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dev: { type: "boolean", default: false },
        dir: { type: "string" },
        verbose: { type: "boolean", short: "v", default: false },
        json: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`eval:entities: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const root = process.cwd();
  const dir = values.dir ?? (values.dev ? path.join(root, "..", "shared", "entities-dev") : path.join(root, "tests", "fixtures", "entities"));
  let gold: Record<string, GoldArticle>;
  try {
    gold = JSON.parse(readFileSync(path.join(dir, "gold.json"), "utf8")) as Record<string, GoldArticle>;
  } catch (error) {
    process.stderr.write(`eval:entities: cannot read ${path.join(dir, "gold.json")} (${(error as Error).message})\n${USAGE}\n`);
    return 2;
  }
  const predictions: Record<string, Prediction> = {};
  const started = performance.now();
  for (const id of Object.keys(gold)) {
    const file = path.join(dir, "raw", `${id}.txt`);
    const raw = parseRawArticle(readFileSync(file), file);
    predictions[id] = extractEntities(raw.storyText);
  }
  const ms = performance.now() - started;
  const scores = { people: scoreSet(gold, predictions, "people"), places: scoreSet(gold, predictions, "places") };
  if (values.json) {
    const summary = Object.fromEntries(
      (["people", "places"] as const).map((k) => [k, { micro: scores[k].micro, macro: scores[k].macro }]),
    );
    process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
    return 0;
  }
  const lines: string[] = [`${path.relative(root, dir) || dir}: ${Object.keys(gold).length} articles (${ms.toFixed(0)} ms)`, ""];
  for (const kind of ["people", "places"] as EntityKind[]) {
    for (const [id, a] of Object.entries(scores[kind].articles)) {
      if (a.misses.length === 0 && a.falsePositives.length === 0) continue;
      if (!values.verbose && a.misses.length + a.falsePositives.length === 0) continue;
      lines.push(`${id} ${kind}`);
      if (a.misses.length) lines.push(`    missed: ${a.misses.join(" | ")}`);
      if (a.falsePositives.length) lines.push(`    false+: ${a.falsePositives.join(" | ")}`);
    }
  }
  lines.push("", "          micro  P      R      F1    | macro  P      R      F1    |   TP   FP   FN");
  for (const kind of ["people", "places"] as EntityKind[]) lines.push(formatRow(kind, scores[kind]));
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}

function formatRow(kind: string, s: KindScore): string {
  const f = (n: number) => n.toFixed(3);
  const m = s.micro;
  const n = (x: number) => String(x).padStart(4);
  return `${kind.padEnd(15)} ${f(m.precision)}  ${f(m.recall)}  ${f(m.f1)} |        ${f(s.macro.precision)}  ${f(s.macro.recall)}  ${f(s.macro.f1)} | ${n(m.tp)} ${n(m.fp)} ${n(m.fn)}`;
}

process.exitCode = main();
