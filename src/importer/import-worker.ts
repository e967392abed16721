import { readFile } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { prepareArticle, type Preparation } from "./prepare-article.js";

/** Worker thread: receives lists of files, answers with their preparations. */
export interface WorkerRequest {
  readonly id: number;
  readonly files: readonly string[];
}

export type WorkerResponse = { readonly ready: true } | { readonly id: number; readonly results: Preparation[] };

parentPort?.on("message", async (request: WorkerRequest) => {
  const results: Preparation[] = [];
  for (const file of request.files) {
    try {
      results.push(prepareArticle(await readFile(file), file));
    } catch (error) {
      results.push({ ok: false, file, reason: `${file}:1:1  error  cannot read the file (${(error as Error).message})  import:read` });
    }
  }
  parentPort?.postMessage({ id: request.id, results } satisfies WorkerResponse);
});

// Loaded (compromise included): ask for work.
parentPort?.postMessage({ ready: true } satisfies WorkerResponse);
