import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { listFiles } from "../src/output/write-site.js";
import { extraArticle, writeCorpus } from "./corpus.js";
import { benchSearch } from "./search.js";
import { writeHugoSite } from "./hugo-site.js";
import { DATELINE_ROOT } from "../src/source-root.js";

/**
 * `npm run bench`: builds a generated archive of each size, each build in its own process, and
 * prints where the time and memory go. Prints figures, asserts nothing.
 *
 *   npm run bench -- --sizes 1000,10000 --runs 3 --peer hugo
 *
 * Per size: full build from nothing (search index included) split into phases, pages, peak RSS,
 * `_site/` size; rebuilds with nothing changed, after adding one article and after editing one;
 * the importer's throughput; search figures; and with `--peer hugo`, Hugo and Pagefind on the
 * same corpus, in the same run, with the ratios.
 */

const REPO = DATELINE_ROOT;
/** Each build as `npm run build` runs it: Node with Dateline's launcher (src/cli/launch.mjs), one process. */
const LAUNCH = [process.execPath, join(REPO, "src/cli/launch.mjs")];
const PAGEFIND = join(REPO, "node_modules/.bin/pagefind");
const TIME = "/usr/bin/time";

interface ChildBuild {
  wall: number;
  pages: number;
  rendered: number;
  parsed: number;
  articles: number;
  write: { written: number; unchanged: number; deleted: number };
  timings: Record<string, number>;
  search?: { shards: number; indexed: number; reused: number };
  maxRssKiB: number;
  /** Wall time of the whole process, start-up included (seen from outside). */
  processWall: number;
  /** Largest process of the build's tree (Node or a Pagefind child), from /usr/bin/time when present. */
  treeMaxRssKiB?: number;
}

interface Measured {
  wall: number;
  maxRssKiB: number;
}

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,50000" },
    runs: { type: "string", default: "1" },
    peer: { type: "string" },
    "no-search": { type: "boolean", default: false },
    "no-importer": { type: "boolean", default: false },
    "no-search-bench": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
const runs = Math.max(1, Number(values.runs));
const withSearch = !values["no-search"];

/** Runs a command, timing it from outside and reading its tree's peak RSS through /usr/bin/time -v. */
async function run(command: string, args: string[], options: { cwd?: string } = {}): Promise<{ stdout: string; stderr: string; wall: number; maxRssKiB?: number }> {
  const useTime = existsSync(TIME);
  const started = performance.now();
  const child = spawn(useTime ? TIME : command, useTime ? ["-v", command, ...args] : args, { cwd: options.cwd ?? REPO, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  const wall = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${code}\n${stderr.slice(-3000)}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { stdout, stderr, wall, ...(rss ? { maxRssKiB: Number(rss[1]) } : {}) };
}

async function buildOnce(root: string): Promise<ChildBuild> {
  const args = [join(REPO, "bench/build-child.ts"), join(root, "content"), join(root, "_site"), join(root, ".dateline-cache")];
  if (!withSearch) args.push("--no-search");
  const result = await run(LAUNCH[0]!, [...LAUNCH.slice(1), ...args]);
  const line = result.stdout.trim().split("\n").pop()!;
  return { ...(JSON.parse(line) as ChildBuild), processWall: result.wall, ...(result.maxRssKiB ? { treeMaxRssKiB: result.maxRssKiB } : {}) };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const file of await listFiles(dir)) total += (await stat(join(dir, file))).size;
  return total;
}

const min = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sec = (x: number) => `${x.toFixed(2)} s`;
const gib = (kib: number) => `${(kib / 1024 / 1024).toFixed(2)} GiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** "min / median" over runs. */
const spread = (xs: number[], format = sec) => (xs.length > 1 ? `${format(min(xs))} / ${format(median(xs))}` : format(xs[0]!));

const PHASES = ["read+validate", "model", "plan", "render", "write", "search index"];

function phaseLine(builds: ChildBuild[]): string {
  return PHASES.map((phase) => `${phase} ${spread(builds.map((b) => b.timings[phase] ?? 0))}`).join(" · ");
}

/** Edits an article's body in the middle of the archive (same names, new words). */
async function editOneArticle(contentDir: string, n: number): Promise<string> {
  const files = (await listFiles(contentDir)).filter((f) => f.endsWith(".md")).sort();
  const path = join(contentDir, files[Math.floor(files.length / 2)]!);
  const text = await readFile(path, "utf8");
  await writeFile(path, text.replace(/\n\n/, `\n\nCorrection ${n}: an earlier version of this report gave the wrong figure.\n\n`));
  return path;
}

async function benchSize(n: number): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), `dateline-bench-${n}-`));
  try {
    console.log(`\n## ${n.toLocaleString("en")} articles  (load average ${loadavg().map((l) => l.toFixed(1)).join(" ")})`);
    const corpus = await writeCorpus(join(root, "content"), n);
    console.log(`corpus: ${corpus.files} files, ${mib(corpus.bytes)} in ${root}`);

    // Full builds from nothing: no output, no cache.
    const full: ChildBuild[] = [];
    for (let r = 0; r < runs; r++) {
      await rm(join(root, "_site"), { recursive: true, force: true });
      await rm(join(root, ".dateline-cache"), { recursive: true, force: true });
      full.push(await buildOnce(root));
    }
    const last = full[full.length - 1]!;
    const siteBytes = await folderBytes(join(root, "_site"));
    console.log(`full build${withSearch ? " (search index included)" : " (no search index)"}: ${spread(full.map((b) => b.wall))} in the build, ${spread(full.map((b) => b.processWall))} as a process`);
    console.log(`  phases: ${phaseLine(full)}`);
    console.log(
      `  ${last.pages.toLocaleString("en")} pages, ${last.write.written.toLocaleString("en")} files written, _site/ ${mib(siteBytes)}, ` +
        `peak RSS ${spread(full.map((b) => b.maxRssKiB), gib)} (Node)` +
        (last.treeMaxRssKiB ? `, largest process ${spread(full.map((b) => b.treeMaxRssKiB ?? 0), gib)}` : "") +
        (last.search ? `, search shards ${last.search.shards}` : ""),
    );

    // Rebuilds from the cache: the second build fills the standby tree, then the measured ones.
    await buildOnce(root);
    const same: ChildBuild[] = [];
    const added: ChildBuild[] = [];
    const edited: ChildBuild[] = [];
    for (let r = 0; r < runs; r++) {
      same.push(await buildOnce(root));
      const extra = extraArticle(r);
      await writeFile(join(root, "content", extra.path), extra.text);
      added.push(await buildOnce(root));
      await editOneArticle(join(root, "content"), r);
      edited.push(await buildOnce(root));
    }
    for (const [label, builds] of [["nothing changed", same], ["one article added", added], ["one article edited", edited]] as const) {
      const pagesOnly = builds.map((b) => b.wall - (b.timings["search index"] ?? 0));
      const b = builds[builds.length - 1]!;
      console.log(
        `rebuild, ${label}: ${spread(builds.map((x) => x.wall))} in the build (pages ${spread(pagesOnly)}, search ${spread(builds.map((x) => x.timings["search index"] ?? 0))}), ` +
          `${spread(builds.map((x) => x.processWall))} as a process; ${b.parsed} parsed, ${b.rendered} rendered, ${b.write.written} written` +
          (b.search ? `, ${b.search.indexed} of ${b.search.shards} search shards re-indexed` : ""),
      );
      console.log(`  phases: ${phaseLine(builds)}`);
    }

    // As npm start rebuilds: one long-lived process that keeps its cache and build thread.
    if (withSearch) {
      const session = await run(LAUNCH[0]!, [...LAUNCH.slice(1), join(REPO, "bench/session-child.ts"), join(root, "content"), join(root, "_site"), join(root, ".dateline-cache"), String(Math.max(3, runs))]);
      const { added, removed } = JSON.parse(session.stdout.trim().split("\n").pop()!) as Record<"added" | "removed", { pages: number; search: number; rendered: number }[]>;
      console.log(
        `rebuild in a long-lived process (npm start), one article added: pages ${spread(added.map((b) => b.pages))}, search ${spread(added.map((b) => b.search))}; ` +
          `removed again: pages ${spread(removed.map((b) => b.pages))}, search ${spread(removed.map((b) => b.search))} (min / median of ${added.length})`,
      );
    }

    if (!values["no-importer"]) await benchImporterHook(Math.min(n, 10_000));
    if (!values["no-search-bench"] && withSearch) await benchSearchHook(join(root, "_site"));
    if (values.peer === "hugo") await benchHugo(root, full);
  } finally {
    if (values.keep) console.log(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}

/** The importer's throughput (issue 4 provides `bench/importer.ts`). */
async function benchImporterHook(n: number): Promise<void> {
  const module = (await import("./importer.js").catch(() => null)) as { benchImporter?: (n: number) => Promise<{ articles: number; seconds: number; perSecond: number }> } | null;
  if (!module?.benchImporter) {
    console.log("importer: HOOK — bench/importer.ts has no benchImporter(n) yet");
    return;
  }
  const result = await module.benchImporter(n);
  console.log(`importer: ${result.articles.toLocaleString("en")} raw articles in ${sec(result.seconds)} (${Math.round(result.perSecond).toLocaleString("en")} articles/s)`);
}

/** Search figures (bench/search.ts): a full re-index and a first query in Chromium. */
async function benchSearchHook(siteDir: string): Promise<void> {
  try {
    const r = await benchSearch(siteDir);
    console.log(
      `search: index from nothing ${sec(r.indexSeconds)} (${r.shards} shards, ${mib(r.indexBytes)}); first query "${r.query}": ` +
        `${Math.round(r.firstQueryBytes / 1024)} KB over the wire, first result in ${Math.round(r.firstResultsMinMs)} ms min / ${Math.round(r.firstResultsMs)} ms median ` +
        `(${Math.round(r.firstResultsWithLatencyMs)} ms with ${r.latencyMs} ms round trips), all ${r.results} of the first page in ${Math.round(r.firstPageMs)} ms median; ` +
        `typed on the open search page: ${Math.round(r.typedQueryBytes / 1024)} KB, results in ${Math.round(r.typedResultsMinMs)} ms min / ${Math.round(r.typedResultsMs)} ms median`,
    );
  } catch (error) {
    console.log(`search: failed: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** Hugo + Pagefind over Hugo's article pages, on the same corpus. */
async function benchHugo(root: string, dateline: ChildBuild[]): Promise<void> {
  if (!existsSync("/usr/bin/hugo")) {
    console.log("peer hugo: /usr/bin/hugo not found, skipped");
    return;
  }
  const hugoDir = join(root, "hugo");
  await writeHugoSite(hugoDir, join(root, "content"));
  const hugo: Measured[] = [];
  const pagefind: Measured[] = [];
  for (let r = 0; r < runs; r++) {
    await rm(join(hugoDir, "public"), { recursive: true, force: true });
    const h = await run("/usr/bin/hugo", ["--quiet", "--source", hugoDir, "--destination", join(hugoDir, "public")]);
    hugo.push({ wall: h.wall, maxRssKiB: h.maxRssKiB ?? 0 });
    await rm(join(hugoDir, "public/pagefind"), { recursive: true, force: true });
    const p = await run(PAGEFIND, ["--site", join(hugoDir, "public"), "--quiet"]);
    pagefind.push({ wall: p.wall, maxRssKiB: p.maxRssKiB ?? 0 });
  }
  const pages = (await listFiles(join(hugoDir, "public"))).filter((f) => f.endsWith(".html")).length;
  const hugoWall = min(hugo.map((m) => m.wall));
  const both = min(hugo.map((m, i) => m.wall + pagefind[i]!.wall));
  const ours = min(dateline.map((b) => b.processWall));
  console.log(`peer hugo: Hugo ${spread(hugo.map((m) => m.wall))}, ${pages.toLocaleString("en")} HTML pages, peak RSS ${gib(Math.max(...hugo.map((m) => m.maxRssKiB)))}`);
  console.log(`  Pagefind over Hugo's article pages ${spread(pagefind.map((m) => m.wall))}, peak RSS ${gib(Math.max(...pagefind.map((m) => m.maxRssKiB)))}`);
  console.log(
    `  ratios (best runs, Dateline as a process${withSearch ? ", search included" : ""}): Dateline / (Hugo + Pagefind) = ${(ours / both).toFixed(2)}, ` +
      `Dateline / Hugo = ${(ours / hugoWall).toFixed(2)}`,
  );
}

console.log(`# Dateline bench — ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, runs ${runs}`);
await mkdir(tmpdir(), { recursive: true });
for (const n of sizes) await benchSize(n);
