import type { Worker } from "node:worker_threads";
import type { RenderContext } from "../layouts/context.js";
import type { BuildWorkerRequest, BuildWorkerResponse } from "./build-worker.js";
import { inThreadRenderer, type PageRenderer } from "./eleventy/renderer.js";
import type { EleventyRunOptions } from "./eleventy/render-pages.js";
import type { ArticleParser } from "./load-articles.js";
import { findStrays, readManifests, scanTrees, stampStandby, type FileStamp, type SiteTrees, type TreeScan } from "./output/write-site.js";
import type { PageSpec } from "./pages.js";
import { renderSettingsOf } from "./render-context.js";
import { siblingModule, startModuleWorker } from "./worker-threads.js";

/**
 * Where a build scans its output trees and renders its pages: on a helper thread (`build-worker.ts`)
 * for big archives, so that work overlaps the main thread's, or on the main thread itself. A
 * long-lived process (`npm start`) keeps one between builds, so a rebuild finds Eleventy loaded.
 */
export interface BuildThreads {
  /** `scanTrees`, and whether it ran on the helper thread. */
  scan(trees: SiteTrees): Promise<TreeScan & { readonly onWorker: boolean }>;
  readonly renderer: PageRenderer;
  /** Helps parse a first build's articles; absent when there is no helper thread. */
  readonly parser?: ArticleParser;
  close(): Promise<void>;
}

export function mainThreadOnly(run: EleventyRunOptions): BuildThreads {
  return {
    scan: async (trees) => ({ ...scanTrees(trees), onWorker: false }),
    renderer: inThreadRenderer(run),
    async close() {},
  };
}

/**
 * A helper thread for builds. If it cannot start or dies, its work is done on the main thread
 * instead; an error Eleventy raises while rendering (a broken template) fails the batch as it would
 * on the main thread.
 */
export function startBuildThreads(run: EleventyRunOptions): BuildThreads {
  const here = mainThreadOnly(run);
  let worker: Worker;
  try {
    worker = startModuleWorker(siblingModule(import.meta.url, "build-worker"));
  } catch {
    return here;
  }
  // Idle, the thread must not keep the process alive; with a request out it must.
  worker.unref();
  let nextId = 0;
  let dead = false;
  let fellBack = false;
  const waiting = new Map<number, { answer: (response: BuildWorkerResponse) => void; instead: () => void }>();
  worker.on("message", (response: BuildWorkerResponse) => {
    const pending = waiting.get(response.id);
    if (!pending) return;
    waiting.delete(response.id);
    if (waiting.size === 0) worker.unref();
    pending.answer(response);
  });
  const die = () => {
    if (dead) return;
    dead = true;
    // Requests the thread took with it are done here instead.
    for (const [id, pending] of waiting) {
      waiting.delete(id);
      fellBack = true;
      pending.instead();
    }
  };
  worker.on("error", die);
  worker.on("exit", die);

  /** Sends a request, or runs `instead` here when the thread is gone. */
  const ask = <T>(request: Omit<BuildWorkerRequest, "id">, read: (response: BuildWorkerResponse) => T, instead: () => Promise<T>): Promise<T> => {
    if (dead) {
      fellBack = true;
      return instead();
    }
    const id = nextId++;
    worker.ref();
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, {
        answer: (response) => {
          if ("error" in response) {
            const error = new Error(response.error.message);
            if (response.error.stack) error.stack = response.error.stack;
            reject(error);
          } else {
            resolve(read(response));
          }
        },
        instead: () => void instead().then(resolve, reject),
      });
      worker.postMessage({ ...request, id } as BuildWorkerRequest);
    });
  };

  return {
    async scan(trees) {
      // The stamps are needed to plan the build; the walk for strays only when it finishes.
      const stamping = ask(
        { stamp: trees },
        (response) => {
          const columns = (response as Extract<BuildWorkerResponse, { stamps: unknown }>).stamps;
          if (!columns) return null;
          const stamps = new Map<string, FileStamp>();
          columns.paths.forEach((path, i) => stamps.set(path, { size: columns.sizes[i]!, mtimeMs: columns.mtimes[i]! }));
          return stamps;
        },
        async () => stampStandby(trees),
      );
      const strays = ask(
        { strays: trees, run },
        (response) => (response as Extract<BuildWorkerResponse, { strays: unknown }>).strays,
        async () => findStrays(trees),
      );
      strays.catch(() => undefined);
      const manifests = readManifests(trees);
      return { ...manifests, standbyFiles: await stamping, strays, onWorker: !fellBack };
    },
    parser: {
      // No fallback here: the reader parses a chunk itself when this fails.
      parse: (files) =>
        ask(
          { parse: files },
          (response) => (response as Extract<BuildWorkerResponse, { parsed: unknown }>).parsed,
          () => Promise.reject(new Error("the build thread is gone")),
        ),
    },
    renderer: {
      render: (pages: readonly PageSpec[], context: RenderContext) =>
        ask(
          { run, render: renderSettingsOf(context), pages },
          (response) => {
            const { paths, ends, bytes } = (response as Extract<BuildWorkerResponse, { rendered: unknown }>).rendered;
            const pages = new Map<string, Uint8Array>();
            paths.forEach((path, i) => pages.set(path, new Uint8Array(bytes, i === 0 ? 0 : ends[i - 1]!, ends[i]! - (i === 0 ? 0 : ends[i - 1]!))));
            return pages;
          },
          () => here.renderer.render(pages, context),
        ),
      get onWorker() {
        return !fellBack;
      },
    },
    async close() {
      dead = true;
      await worker.terminate();
    },
  };
}
