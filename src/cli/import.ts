import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { AliasesFileError, loadAliases } from "../aliases.js";
import { importBatch, type ImportResult } from "../importer/import-batch.js";

/**
 * `npm run import -- <file|folder>... [--out content] [--tag NAME]... [--dry-run] [--force]`
 * Exit codes: 0 all good, 1 some files failed (the others were imported), 2 bad usage.
 */
const USAGE = `usage: npm run import -- <file|folder>... [--out content] [--tag NAME]... [--dry-run] [--force]

  <file|folder>   raw articles (" date YYYY-MM-DD" first line); folders are read recursively for *.txt and *.md
  --out DIR       content folder to write to (default: content); articles go to DIR/YYYY/MM/<slug>.md
  --tag NAME      add a tag to every article of the batch (repeatable)
  --dry-run       print what would be written, with the people and places found; write nothing
  --force         re-write articles whose source file was imported before
  --workers N     worker threads (default: one per core for large batches; 0 = none)
  -h, --help      show this help`;

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string", default: "content" },
        tag: { type: "string", multiple: true, default: [] },
        "dry-run": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        workers: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`import: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`import: name at least one raw file or folder\n\n${USAGE}\n`);
    return 2;
  }
  const tags = (values.tag ?? []).map((t) => t.trim());
  if (tags.some((t) => t === "")) {
    process.stderr.write(`import: --tag needs a non-empty name\n\n${USAGE}\n`);
    return 2;
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0) {
      process.stderr.write(`import: --workers must be a whole number ≥ 0; got "${values.workers}"\n\n${USAGE}\n`);
      return 2;
    }
  }
  const out = values.out ?? "content";
  let aliases;
  try {
    aliases = await loadAliases(out, path.relative(process.cwd(), path.resolve(out)) || ".");
  } catch (error) {
    if (error instanceof AliasesFileError) {
      process.stderr.write(error.message + "\n");
      return 1;
    }
    throw error;
  }
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: "importing [{bar}] {value}/{total} files", hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let barStarted = false;
  const results = await importBatch({
    inputs: positionals,
    out,
    tags,
    dryRun: values["dry-run"],
    force: values.force,
    aliases,
    workers,
    onProgress: (done, total) => {
      if (!bar || total < 50) return;
      if (!barStarted) {
        bar.start(total, 0);
        barStarted = true;
      }
      bar.update(done);
    },
  });
  if (barStarted) bar?.stop();
  process.stdout.write(formatReport(results, Boolean(values["dry-run"])));
  return results.some((r) => r.status === "failed") ? 1 : 0;
}

function formatReport(results: readonly ImportResult[], dryRun: boolean): string {
  const lines: string[] = [];
  if (dryRun) {
    for (const r of results) {
      if (r.status !== "imported") continue;
      lines.push(`would write ${r.path}  "${r.title}"`);
      lines.push(`  people: ${r.people.join(", ") || "(none)"}`);
      lines.push(`  places: ${r.places.join(", ") || "(none)"}`);
    }
  }
  const imported = results.filter((r) => r.status === "imported").length;
  let alreadyImported = 0;
  let sameText = 0;
  let failed = 0;
  for (const r of results) {
    if (r.status === "failed") {
      failed++;
      lines.push(r.reason);
    } else if (r.status === "skipped" && r.sameTextAs !== undefined) {
      sameText++;
      // Each one on its own line: the user may have meant two different stories.
      lines.push(`${r.file}  skipped  ${r.reason}`);
    } else if (r.status === "skipped") alreadyImported++;
  }
  const verb = dryRun ? "would import" : "imported";
  lines.push(`${verb} ${imported}, ${formatSkipped(alreadyImported, sameText)}, failed ${failed}`);
  return lines.join("\n") + "\n";
}

/** "skipped 3 (already imported)", "skipped 1 (same text as another file in this batch)", or both counted. */
function formatSkipped(alreadyImported: number, sameText: number): string {
  const total = alreadyImported + sameText;
  if (sameText === 0) return `skipped ${total} (already imported)`;
  if (alreadyImported === 0) return `skipped ${total} (same text as another file in this batch)`;
  return `skipped ${total} (${alreadyImported} already imported, ${sameText} same text as another file in this batch)`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`import: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

