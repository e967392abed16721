import type { Worker } from "node:worker_threads";
import type { RenderContext } from "../../layouts/context.js";
import type { PageSpec } from "../pages.js";
import { renderSettingsOf } from "../render-context.js";
import { siblingModule, startModuleWorker } from "../worker-threads.js";
import type { EleventyRunOptions } from "./render-pages.js";
import type { RenderRequest, RenderResponse } from "./render-worker.js";

/** Renders batches of page specs through Eleventy: output path → HTML. */
export interface PageRenderer {
  render(pages: readonly PageSpec[], context: RenderContext): Promise<Map<string, string>>;
  /** Whether every batch so far was rendered on a worker thread. */
  readonly onWorker: boolean;
  close(): Promise<void>;
}

/** Renders in this thread, loading Eleventy (about half a second) the first time it is needed. */
export function inThreadRenderer(run: EleventyRunOptions): PageRenderer {
  return {
    async render(pages, context) {
      const { renderPagesWithEleventy } = await import("./render-pages.js");
      return renderPagesWithEleventy({ context, pages }, run);
    },
    onWorker: false,
    async close() {},
  };
}

/**
 * Renders on a worker thread that loads Eleventy as soon as the build starts, while this thread
 * reads and models the archive, and renders each batch while this thread writes the one before.
 * Falls back to this thread if the worker cannot start or dies; an error Eleventy raises while
 * rendering (a broken template) fails the batch as it would here.
 */
export function workerRenderer(run: EleventyRunOptions): PageRenderer {
  const fallback = inThreadRenderer(run);
  let worker: Worker | undefined;
  try {
    worker = startModuleWorker(siblingModule(import.meta.url, "render-worker"));
  } catch {
    return fallback;
  }
  const live = worker;
  // Idle, the worker must not keep the process alive; while a batch is out it must.
  live.unref();
  let nextId = 0;
  const waiting = new Map<number, { resolve: (pages: Map<string, string>) => void; reject: (error: Error) => void; pages: readonly PageSpec[]; context: RenderContext }>();
  let dead = false;
  let fellBack = false;
  const ready = new Promise<boolean>((resolve) => {
    live.on("message", (response: RenderResponse) => {
      if ("ready" in response) return resolve(true);
      const pending = waiting.get(response.id);
      if (!pending) return;
      waiting.delete(response.id);
      if (waiting.size === 0) live.unref();
      if ("error" in response) {
        const error = new Error(response.error.message);
        if (response.error.stack) error.stack = response.error.stack;
        pending.reject(error);
      } else {
        pending.resolve(new Map(response.pages));
      }
    });
    const die = () => {
      if (dead) return;
      dead = true;
      resolve(false);
      // Batches the worker took with it are rendered here instead.
      for (const [id, pending] of waiting) {
        waiting.delete(id);
        fellBack = true;
        fallback.render(pending.pages, pending.context).then(pending.resolve, pending.reject);
      }
    };
    live.on("error", die);
    live.on("exit", die);
  });
  return {
    async render(pages, context) {
      if (!(await ready) || dead) {
        fellBack = true;
        return fallback.render(pages, context);
      }
      const id = nextId++;
      live.ref();
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, pages, context });
        live.postMessage({ id, run, render: renderSettingsOf(context), pages } satisfies RenderRequest);
      });
    },
    get onWorker() {
      return !fellBack;
    },
    async close() {
      dead = true;
      await live.terminate();
    },
  };
}
