import type { RenderContext } from "../../layouts/context.js";
import type { PageSpec } from "../pages.js";
import type { EleventyRunOptions } from "./render-pages.js";

/** Renders batches of page specs through Eleventy: output path → HTML (text, or its UTF-8 bytes). */
export interface PageRenderer {
  render(pages: readonly PageSpec[], context: RenderContext): Promise<Map<string, string | Uint8Array>>;
  /** Whether every batch so far was rendered on a worker thread. */
  readonly onWorker: boolean;
}

/** Renders in this thread, loading Eleventy (about half a second) the first time it is needed. */
export function inThreadRenderer(run: EleventyRunOptions): PageRenderer {
  return {
    async render(pages, context) {
      const { renderPagesWithEleventy } = await import("./render-pages.js");
      return renderPagesWithEleventy({ context, pages }, run);
    },
    onWorker: false,
  };
}
