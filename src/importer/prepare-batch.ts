import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { WorkerRequest, WorkerResponse } from "./import-worker.js";
import { prepareArticle, type Preparation } from "./prepare-article.js";

/**
 * Prepares a batch of raw files, in worker threads when the batch is large enough to pay for
 * starting them (each worker loads compromise's lexicon once), else in this thread.
 */
export interface PrepareOptions {
  /** Worker threads to use; 0 = in this thread. Default: one per core for batches of 200+ files. */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

const CHUNK = 50;

export async function prepareBatch(files: readonly string[], options: PrepareOptions = {}): Promise<Preparation[]> {
  const workers = options.workers ?? (files.length >= 200 ? Math.min(availableParallelism(), 8) : 0);
  if (workers <= 0) return prepareHere(files, options.onProgress);
  try {
    return await prepareInWorkers(files, workers, options.onProgress);
  } catch {
    return prepareHere(files, options.onProgress);
  }
}

async function prepareHere(files: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Preparation[]> {
  const results: Preparation[] = [];
  for (const file of files) {
    try {
      results.push(prepareArticle(await readFile(file), file));
    } catch (error) {
      results.push({ ok: false, file, reason: `${file}:1:1  error  cannot read the file (${(error as Error).message})  import:read` });
    }
    onProgress?.(results.length, files.length);
  }
  return results;
}

function prepareInWorkers(
  files: readonly string[],
  count: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Preparation[]> {
  return new Promise((resolve, reject) => {
    const chunks: string[][] = [];
    for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
    const results: Preparation[][] = new Array(chunks.length);
    let next = 0;
    let done = 0;
    let finished = 0;
    let failed = false;
    const pool: Worker[] = [];
    const stopAll = () => pool.forEach((w) => void w.terminate());
    const feed = (worker: Worker) => {
      if (next >= chunks.length) {
        void worker.terminate();
        return;
      }
      const id = next++;
      worker.postMessage({ id, files: chunks[id]! } satisfies WorkerRequest);
    };
    for (let i = 0; i < Math.min(count, chunks.length); i++) {
      const worker = new Worker(new URL("./import-worker.ts", import.meta.url));
      pool.push(worker);
      worker.on("message", (response: WorkerResponse) => {
        results[response.id] = response.results;
        done += response.results.length;
        finished++;
        onProgress?.(done, files.length);
        if (finished === chunks.length) {
          stopAll();
          resolve(results.flat());
        } else feed(worker);
      });
      worker.on("error", (error) => {
        if (failed) return;
        failed = true;
        stopAll();
        reject(error);
      });
      feed(worker);
    }
    if (chunks.length === 0) resolve([]);
  });
}
