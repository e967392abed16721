import { parentPort } from "node:worker_threads";
import type { ParsedArticle } from "./load-articles.js";
import type { PageSpec } from "./pages.js";
import { renderContextFrom, type RenderSettings } from "./render-context.js";
import type { EleventyRunOptions } from "./eleventy/render-pages.js";
import { findStrays, stampStandby, type SiteTrees } from "./output/write-site.js";
import { DEFAULT_SETTINGS } from "./settings.js";

/**
 * The build's helper thread (see `build-threads.ts`): it scans the output trees, then loads
 * Eleventy, while the main thread reads and models the archive; then it renders the batches of
 * pages the main thread sends, while the main thread writes the batch before.
 */
export type BuildWorkerRequest =
  | { readonly id: number; readonly stamp: SiteTrees }
  | { readonly id: number; readonly strays: SiteTrees; readonly run: EleventyRunOptions }
  | { readonly id: number; readonly parse: readonly { readonly display: string; readonly bytes: Uint8Array }[] }
  | { readonly id: number; readonly run: EleventyRunOptions; readonly render: RenderSettings; readonly pages: readonly PageSpec[] };

export type BuildWorkerResponse =
  /** The standby tree's stamps as columns (cheaper to pass between threads than a map of objects). */
  | { readonly id: number; readonly stamps: { paths: string[]; sizes: number[]; mtimes: number[] } | null }
  | { readonly id: number; readonly strays: string[] }
  | { readonly id: number; readonly parsed: (ParsedArticle | null)[] }
  /** Rendered pages as UTF-8 in one transferred buffer: the main thread writes bytes anyway. */
  | { readonly id: number; readonly rendered: { readonly paths: string[]; readonly ends: number[]; readonly bytes: ArrayBuffer } }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string } };

// Loaded after the stamps are answered (or at once when a render comes first): importing Eleventy
// and its first run take most of a second, which the main thread spends modelling the archive.
let eleventy: Promise<typeof import("./eleventy/render-pages.js")> | undefined;
const loadEleventy = () => (eleventy ??= import("./eleventy/render-pages.js"));

/** An Eleventy run of no pages, so that the build's first real batch finds Eleventy's code warm. */
async function warmUp(run: EleventyRunOptions): Promise<void> {
  try {
    const { renderPagesWithEleventy } = await loadEleventy();
    await renderPagesWithEleventy({ context: renderContextFrom({ site: DEFAULT_SETTINGS, stylesheetUrl: "/" }), pages: [] }, run);
  } catch {
    // The build's own render reports what is wrong.
  }
}

// Batches being rendered, and who waits for there to be none: the walk for strays gives way to them.
let rendering = 0;
let whenIdle: (() => void)[] = [];
async function giveWayToRenders(): Promise<void> {
  // A turn of the event loop lets a batch that has arrived start (and count itself) first.
  await new Promise<void>((resume) => setImmediate(resume));
  while (rendering > 0) await new Promise<void>((resume) => whenIdle.push(resume));
}
function renderEnded(): void {
  if (--rendering > 0) return;
  const waiting = whenIdle;
  whenIdle = [];
  for (const resume of waiting) resume();
}

// The article reader, loaded when a first build asks this thread to help parse.
let reader: Promise<{ parse: (bytes: Uint8Array, display: string) => ParsedArticle | null }> | undefined;
const loadReader = () =>
  (reader ??= Promise.all([import("./load-articles.js"), import("./markdown.js")]).then(([{ parseArticleBytes }, { createMarkdown }]) => {
    const md = createMarkdown();
    return { parse: (bytes: Uint8Array, display: string) => parseArticleBytes(bytes, display, md) };
  }));

parentPort!.on("message", async (request: BuildWorkerRequest) => {
  try {
    if ("parse" in request) {
      const { parse } = await loadReader();
      parentPort!.postMessage({ id: request.id, parsed: request.parse.map(({ bytes, display }) => parse(bytes, display)) } satisfies BuildWorkerResponse);
      return;
    }
    if ("stamp" in request) {
      const stamps = stampStandby(request.stamp);
      const columns = stamps && { paths: [...stamps.keys()], sizes: [...stamps.values()].map((s) => s.size), mtimes: [...stamps.values()].map((s) => s.mtimeMs) };
      parentPort!.postMessage({ id: request.id, stamps: columns } satisfies BuildWorkerResponse);
      return;
    }
    if ("strays" in request) {
      // Only the end of the build needs the walk: Eleventy first, and batches of pages before it.
      await warmUp(request.run);
      parentPort!.postMessage({ id: request.id, strays: await findStrays(request.strays, giveWayToRenders) } satisfies BuildWorkerResponse);
      return;
    }
    rendering++;
    try {
      const { renderPagesWithEleventy } = await loadEleventy();
      const pages = await renderPagesWithEleventy({ context: renderContextFrom(request.render), pages: request.pages }, request.run);
      const rendered = packPages(pages);
      parentPort!.postMessage({ id: request.id, rendered } satisfies BuildWorkerResponse, [rendered.bytes]);
    } finally {
      renderEnded();
    }
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id: request.id, error: { message, ...(stack ? { stack } : {}) } } satisfies BuildWorkerResponse);
  }
});

function packPages(pages: ReadonlyMap<string, string>): { paths: string[]; ends: number[]; bytes: ArrayBuffer } {
  const paths: string[] = [];
  const encoded: Buffer[] = [];
  const ends: number[] = [];
  let total = 0;
  for (const [path, html] of pages) {
    const bytes = Buffer.from(html, "utf8");
    paths.push(path);
    encoded.push(bytes);
    total += bytes.length;
    ends.push(total);
  }
  // A buffer of its own (not a slice of Node's shared pool), so it can be handed over, not copied.
  const packed = Buffer.allocUnsafeSlow(total);
  let offset = 0;
  for (const bytes of encoded) offset += bytes.copy(packed, offset);
  return { paths, ends, bytes: packed.buffer as ArrayBuffer };
}
