import { parentPort } from "node:worker_threads";
import type { PageSpec } from "../pages.js";
import { renderContextFrom, type RenderSettings } from "../render-context.js";
import { renderPagesWithEleventy, type EleventyRunOptions } from "./render-pages.js";

/** A batch of pages for the render worker, and its answer. */
export interface RenderRequest {
  readonly id: number;
  readonly run: EleventyRunOptions;
  readonly render: RenderSettings;
  readonly pages: readonly PageSpec[];
}

export type RenderResponse =
  | { readonly ready: true }
  | { readonly id: number; readonly pages: [string, string][] }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } };

/** Worker thread of `startRenderer`: Eleventy is loaded (by the import above) before it says ready. */
parentPort!.on("message", async (request: RenderRequest) => {
  try {
    const pages = await renderPagesWithEleventy({ context: renderContextFrom(request.render), pages: request.pages }, request.run);
    parentPort!.postMessage({ id: request.id, pages: [...pages] } satisfies RenderResponse);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id: request.id, error: { message, ...(stack ? { stack } : {}) } } satisfies RenderResponse);
  }
});
parentPort!.postMessage({ ready: true } satisfies RenderResponse);
