import { readFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Worker } from "node:worker_threads";
import { siblingModule, startModuleWorker } from "../worker-threads.js";
import type { WorkerRequest, WorkerResponse } from "./import-worker.js";
import { prepareArticle, type Preparation } from "./prepare-article.js";

/**
 * Prepares a batch of raw files. Large batches are shared between this thread and worker threads:
 * all take chunks of files from one queue, so this thread works while the workers start (each needs
 * a second or more to load compromise) and a batch is never slower than with this thread alone.
 * Preparations are handed to `onPrepared` in file order as soon as they are ready, so the importer
 * writes while the rest is prepared and a killed import keeps what it finished.
 */
export interface PrepareOptions {
  /** Worker threads besides this one; 0 = none. Default: one less than the cores, for 1,000+ files. */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

const CHUNK = 25;

export async function prepareBatch(
  files: readonly string[],
  onPrepared: (prepared: readonly Preparation[]) => void,
  options: PrepareOptions = {},
): Promise<void> {
  const workers = options.workers ?? (files.length >= 1000 ? Math.max(1, availableParallelism() - 1) : 0);
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += CHUNK) chunks.push(files.slice(i, i + CHUNK));
  const results: (Preparation[] | undefined)[] = new Array(chunks.length);
  let next = 0;
  let done = 0;
  let delivered = 0;
  const record = (id: number, prepared: Preparation[]) => {
    results[id] = prepared;
    done += prepared.length;
    options.onProgress?.(done, files.length);
    for (let ready = results[delivered]; ready !== undefined; ready = results[delivered]) {
      results[delivered++] = undefined;
      onPrepared(ready);
    }
  };
  const pool = workers > 0 && chunks.length > 1 ? startPool(workers) : [];
  const workerLanes = pool.map(
    (worker) =>
      new Promise<void>((resolve) => {
        let current = -1;
        const feed = () => {
          if (next >= chunks.length) return resolve();
          current = next++;
          worker.postMessage({ id: current, files: chunks[current]! } satisfies WorkerRequest);
        };
        worker.on("message", (response: WorkerResponse) => {
          if ("id" in response) record(response.id, response.results);
          current = -1;
          feed();
        });
        // A worker that cannot start or dies hands its chunk back to the queue.
        worker.on("error", () => {
          if (current >= 0) orphans.push(current);
          current = -1;
          resolve();
        });
      }),
  );
  const orphans: number[] = [];
  try {
    while (next < chunks.length || orphans.length > 0) {
      const id = orphans.length > 0 ? orphans.pop()! : next++;
      record(id, await prepareHere(chunks[id]!));
      await nextTurn(); // let worker answers in
    }
    await Promise.all(workerLanes);
    while (orphans.length > 0) {
      const id = orphans.pop()!;
      record(id, await prepareHere(chunks[id]!));
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

async function prepareHere(files: readonly string[]): Promise<Preparation[]> {
  const out: Preparation[] = [];
  for (const file of files) {
    try {
      out.push(prepareArticle(await readFile(file), file));
    } catch (error) {
      out.push({ ok: false, file, reason: `${file}:1:1  error  cannot read the file (${(error as Error).message})  import:read` });
    }
  }
  return out;
}

function startPool(count: number): Worker[] {
  const pool: Worker[] = [];
  for (let i = 0; i < count; i++) {
    try {
      pool.push(startModuleWorker(siblingModule(import.meta.url, "import-worker")));
    } catch {
      break;
    }
  }
  return pool;
}
