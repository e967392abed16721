import { parentPort } from "node:worker_threads";
import type { PageSpec } from "./pages.js";
import { renderContextFrom, type RenderSettings } from "./render-context.js";
import type { EleventyRunOptions } from "./eleventy/render-pages.js";
import { findStrays, stampStandby, type SiteTrees } from "./output/write-site.js";

/**
 * The build's helper thread (see `build-threads.ts`): it scans the output trees, then loads
 * Eleventy, while the main thread reads and models the archive; then it renders the batches of
 * pages the main thread sends, while the main thread writes the batch before.
 */
export type BuildWorkerRequest =
  | { readonly id: number; readonly stamp: SiteTrees }
  | { readonly id: number; readonly strays: SiteTrees }
  | { readonly id: number; readonly run: EleventyRunOptions; readonly render: RenderSettings; readonly pages: readonly PageSpec[] };

export type BuildWorkerResponse =
  /** The standby tree's stamps as columns (cheaper to pass between threads than a map of objects). */
  | { readonly id: number; readonly stamps: { paths: string[]; sizes: number[]; mtimes: number[] } | null }
  | { readonly id: number; readonly strays: string[] }
  | { readonly id: number; readonly pages: [string, string][] }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } };

// Loaded once the first walk is answered (or at once when a render comes first): importing
// Eleventy takes about half a second, which the main thread spends modelling the archive.
let eleventy: Promise<typeof import("./eleventy/render-pages.js")> | undefined;
const loadEleventy = () => (eleventy ??= import("./eleventy/render-pages.js"));

parentPort!.on("message", async (request: BuildWorkerRequest) => {
  try {
    if ("stamp" in request) {
      const stamps = stampStandby(request.stamp);
      const columns = stamps && { paths: [...stamps.keys()], sizes: [...stamps.values()].map((s) => s.size), mtimes: [...stamps.values()].map((s) => s.mtimeMs) };
      parentPort!.postMessage({ id: request.id, stamps: columns } satisfies BuildWorkerResponse);
      return;
    }
    if ("strays" in request) {
      parentPort!.postMessage({ id: request.id, strays: findStrays(request.strays) } satisfies BuildWorkerResponse);
      void loadEleventy().catch(() => undefined);
      return;
    }
    const { renderPagesWithEleventy } = await loadEleventy();
    const pages = await renderPagesWithEleventy({ context: renderContextFrom(request.render), pages: request.pages }, request.run);
    parentPort!.postMessage({ id: request.id, pages: [...pages] } satisfies BuildWorkerResponse);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id: request.id, error: { message, ...(stack ? { stack } : {}) } } satisfies BuildWorkerResponse);
  }
});
