import { stat } from "node:fs/promises";
import path from "node:path";
import { emptyAliases, resolveNames, type Aliases } from "../aliases.js";
import { prepareBatch } from "./prepare-batch.js";
import type { Preparation, PreparedArticle } from "./prepare-article.js";
import { renderArticleMarkdown } from "./to-markdown.js";
import { ArticleExistsError, chooseArticlePath, listFiles, removeStaleTempFiles, scanImportedHashes, writeFileAtomically } from "./write-articles.js";
import { forEachWithLimit } from "../concurrency.js";

/**
 * The importer: finds raw files, prepares them (in worker threads for large batches), applies the
 * site's aliases and writes one article per file. Good files are imported even when others fail.
 */
export interface ImportOptions {
  /** Files and folders (read recursively for *.txt and *.md). */
  readonly inputs: readonly string[];
  /** Content folder: articles go to `<out>/YYYY/MM/<slug>.md`. */
  readonly out: string;
  /** Tags added to every article of the batch. */
  readonly tags?: readonly string[];
  readonly dryRun?: boolean;
  /** Re-write articles whose source was imported before. */
  readonly force?: boolean;
  /** Aliases to apply; default: none (the CLI loads `<out>/aliases.yaml`). */
  readonly aliases?: Aliases;
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export type ImportResult =
  | {
      readonly status: "imported";
      readonly file: string;
      readonly path: string;
      readonly title: string;
      readonly people: readonly string[];
      readonly places: readonly string[];
      /** True when an earlier import of the same source was replaced (`--force`). */
      readonly replaced: boolean;
    }
  | {
      readonly status: "skipped";
      readonly file: string;
      /** The article that already holds this text. */
      readonly path: string;
      /** "already imported", or "same text as <file> in this batch". */
      readonly reason: string;
      /** Set when the text is that of another raw file of this batch, imported by this run. */
      readonly sameTextAs?: string;
    }
  | { readonly status: "failed"; readonly file: string; readonly reason: string };

const RAW_EXTENSIONS = /\.(?:txt|md)$/i;

/**
 * Raw files named by `inputs`: files as given, folders searched recursively. Missing paths, and
 * folders with no raw file anywhere inside (most likely the wrong folder), are reported.
 */
export async function findRawFiles(inputs: readonly string[]): Promise<{ files: string[]; missing: string[]; empty: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (info.isDirectory()) {
      const found = await listFiles(input, (name) => RAW_EXTENSIONS.test(name));
      if (found.length === 0) empty.push(input);
      files.push(...found);
    } else files.push(input);
  }
  return { files: [...new Set(files)], missing, empty };
}

export async function importBatch(options: ImportOptions): Promise<ImportResult[]> {
  const aliases = options.aliases ?? emptyAliases();
  const { files, missing, empty } = await findRawFiles(options.inputs);
  const results: ImportResult[] = [
    ...missing.map((file) => ({ status: "failed" as const, file, reason: `${file}  error  no such file or folder  import:input` })),
    ...empty.map((file) => ({
      status: "failed" as const,
      file,
      reason: `${file}  error  no raw articles in this folder or below it; expected .txt or .md files  import:empty-folder`,
    })),
  ];
  const outAbsolute = path.resolve(options.out);
  const { hashes, files: existingFiles } = await scanImportedHashes(options.out);
  if (!options.dryRun) await removeStaleTempFiles(options.out);
  const claimed = new Set<string>(existingFiles);
  /** SHA-256 of each text met so far → the article holding it, and the raw file imported for it in this run. */
  const seenInBatch = new Map<string, { path: string; importedFrom?: string }>();
  const slots: ImportResult[] = [];
  // Articles are written while later files are still being prepared, a chunk at a time in file
  // order; the chain keeps at most one chunk's writes (16 at once) in flight.
  let writing = Promise.resolve();
  const write = async (job: PlannedWrite) => {
    try {
      await writeFileAtomically(job.target, job.content, job.replace);
    } catch (error) {
      const reason = error instanceof ArticleExistsError ? error.message : `${job.shown}  error  cannot write (${(error as Error).message})  import:write`;
      slots[job.index] = { status: "failed", file: job.file, reason };
    }
  };
  const plan = (prepared: readonly Preparation[]) => {
    const jobs: PlannedWrite[] = [];
    for (const item of prepared) {
      const result = planOne(item);
      slots.push(result.slot);
      if (result.write) jobs.push({ ...result.write, index: slots.length - 1 });
    }
    if (jobs.length > 0) writing = writing.then(() => forEachWithLimit(jobs, 16, write));
  };
  const planOne = (item: Preparation): { slot: ImportResult; write?: Omit<PlannedWrite, "index"> } => {
    if (!item.ok) return { slot: { status: "failed", file: item.file, reason: item.reason } };
    const earlier = seenInBatch.get(item.sha256);
    if (earlier?.importedFrom !== undefined) {
      const sameTextAs = earlier.importedFrom;
      return { slot: { status: "skipped", file: item.file, path: earlier.path, reason: `same text as ${sameTextAs} in this batch`, sameTextAs } };
    }
    if (earlier !== undefined) return { slot: { status: "skipped", file: item.file, path: earlier.path, reason: "already imported" } };
    const existing = hashes.get(item.sha256);
    if (existing !== undefined && !options.force) {
      seenInBatch.set(item.sha256, { path: existing });
      return { slot: { status: "skipped", file: item.file, path: existing, reason: "already imported" } };
    }
    const target = existing !== undefined ? path.resolve(existing) : chooseArticlePath(outAbsolute, item.day, item.slug, claimed);
    const shown = path.relative(process.cwd(), target) || target;
    seenInBatch.set(item.sha256, { path: shown, importedFrom: item.file });
    const article = finishArticle(item, aliases, options.tags ?? []);
    const slot: ImportResult = {
      status: "imported",
      file: item.file,
      path: shown,
      title: article.title,
      people: article.people,
      places: article.places,
      replaced: existing !== undefined,
    };
    if (options.dryRun) return { slot };
    return { slot, write: { target, content: renderArticleMarkdown(article), replace: existing !== undefined, file: item.file, shown } };
  };
  await prepareBatch(files, plan, { workers: options.workers, onProgress: options.onProgress });
  await writing;
  results.push(...slots);
  return results;
}

interface PlannedWrite {
  /** Position of this file's result in the batch's results. */
  readonly index: number;
  readonly target: string;
  readonly content: string;
  readonly replace: boolean;
  readonly file: string;
  readonly shown: string;
}

function finishArticle(item: PreparedArticle, aliases: Aliases, tags: readonly string[]) {
  return {
    title: item.title,
    date: item.day,
    summary: item.summary,
    people: resolveNames(aliases, "people", item.people),
    places: resolveNames(aliases, "places", item.places),
    tags: resolveNames(aliases, "tags", tags),
    body: item.body,
    imported: { from: path.basename(item.file), sha256: item.sha256 },
  };
}
