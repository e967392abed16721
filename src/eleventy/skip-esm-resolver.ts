/**
 * Imported before Eleventy. On import, Eleventy registers an ESM resolve hook so that its watch mode
 * can import a changed template again (`ELEVENTY_SKIP_ESM_RESOLVER` turns that off, eleventy#3371).
 * Dateline never runs that watch mode: `npm start` watches the content and rebuilds, and its layouts
 * are imported once per thread. On Node 20 the hook runs on a loader thread of its own, and every
 * later import in the thread waits on it: about 0.2 s of the build thread's start at 10,000 articles.
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
