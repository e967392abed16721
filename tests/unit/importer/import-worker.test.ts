import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkerRequest, WorkerResponse } from "../../../src/importer/import-worker.js";
import { prepareArticle } from "../../../src/importer/prepare-article.js";

/**
 * The import worker's side of the protocol prepareBatch relies on: "ready" once loaded, then one
 * answer per request, tagged with the request's id, with a result for every file in order.
 */
let dir: string;
let worker: Worker;
const messages: WorkerResponse[] = [];
let waiting: (() => void)[] = [];
let failure: Error | undefined;

/** The worker's next message; rejects at once if the worker has failed instead of waiting for the timeout. */
function nextMessage(): Promise<WorkerResponse> {
  return new Promise((resolve, reject) => {
    const take = () => (messages.length > 0 ? resolve(messages.shift()!) : reject(failure));
    if (messages.length > 0 || failure) take();
    else waiting.push(take);
  });
}

function wakeAll(): void {
  const wake = waiting;
  waiting = [];
  for (const w of wake) w();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-import-worker-"));
  // Node 20 does not pass tsx's module hooks to worker threads: register them in the worker, as
  // prepare-batch.ts does.
  const loader = import.meta.resolve("tsx/esm/api");
  const entry = new URL("../../../src/importer/import-worker.ts", import.meta.url).href;
  worker = new Worker(`import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  worker.on("message", (message: WorkerResponse) => {
    messages.push(message);
    wakeAll();
  });
  worker.on("error", (error) => {
    failure = error;
    wakeAll();
  });
});
afterAll(async () => {
  await worker?.terminate();
  await rm(dir, { recursive: true, force: true });
});

describe("import worker", () => {
  it("says it is ready once loaded", async () => {
    expect(await nextMessage()).toEqual({ ready: true });
  });

  it("answers a request with its id and the preparation of each file, in order, as this thread would", async () => {
    const good = join(dir, "good.txt");
    const bad = join(dir, "bad.txt");
    await writeFile(good, " date 2024-09-19 Wanjiru Kamau visited Kestrel Bay from Nairobi on Thursday.\n");
    await writeFile(bad, "no date line here\n");
    const missing = join(dir, "missing.txt");
    worker.postMessage({ id: 7, files: [good, bad, missing] } satisfies WorkerRequest);
    const answer = await nextMessage();
    if (!("id" in answer)) throw new Error("expected an answer, got another ready message");
    expect(answer.id).toBe(7);
    expect(answer.results.map((r) => [r.file, r.ok])).toEqual([
      [good, true],
      [bad, false],
      [missing, false],
    ]);
    expect(answer.results[0]).toEqual(prepareArticle(new TextEncoder().encode(" date 2024-09-19 Wanjiru Kamau visited Kestrel Bay from Nairobi on Thursday.\n"), good));
    expect(answer.results[1]).toEqual(prepareArticle(new TextEncoder().encode("no date line here\n"), bad));
    expect(!answer.results[2]!.ok && answer.results[2]!.reason).toMatch(/:1:1  error  cannot read the file \(ENOENT.*\)  import:read$/);
  });

  it("keeps answering requests, each with its own id", async () => {
    worker.postMessage({ id: 1, files: [] } satisfies WorkerRequest);
    worker.postMessage({ id: 2, files: [] } satisfies WorkerRequest);
    expect(await nextMessage()).toEqual({ id: 1, results: [] });
    expect(await nextMessage()).toEqual({ id: 2, results: [] });
  });
});
