import EleventyDevServer from "@11ty/eleventy-dev-server";
import { watch } from "chokidar";
import { readFile } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { buildSite, type BuildOptions } from "../build.js";
import { startBuildThreads } from "../build-threads.js";
import { DatelineError, formatIssues } from "../errors.js";
import { withBuildErrorBanner } from "../../layouts/build-error.js";
import { checkPathPrefixFlag, loadSettings } from "../settings.js";
import { normalizePathPrefix } from "../urls.js";
import { OutputFolderError } from "../output/output-guard.js";
import { ContentFolderError } from "../prepare-site.js";
import { countPhrase, formatCount } from "../site-model.js";
import { buildProgressOnStderr } from "./progress.js";

const USAGE = `Usage: npm start -- [--port 8080] [--pathprefix=/sub/path/] [--drafts] [--content DIR] [--output DIR]

Builds the site, serves it on http://127.0.0.1:8080/ and rebuilds when an article or a layout
changes. A broken article is reported and the last good site stays up.`;

/**
 * Eleventy's dev server listens on every interface; a preview of an unpublished archive should
 * only be reachable from this machine.
 */
class LoopbackDevServer extends EleventyDevServer {
  override _serverListen(port: number): void {
    this.server.listen({ port, host: "127.0.0.1" });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT ?? "8080" },
      pathprefix: { type: "string" },
      drafts: { type: "boolean", default: false },
      content: { type: "string" },
      output: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: ${JSON.stringify(values.port)} is not a port number; expected 0–65535\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const prefixProblem = values.pathprefix === undefined ? undefined : checkPathPrefixFlag(values.pathprefix);
  if (prefixProblem) {
    console.error(`${prefixProblem}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const projectDir = process.cwd();
  const contentDir = resolve(projectDir, values.content ?? "content");
  const outputDir = resolve(projectDir, values.output ?? "_site");
  // One helper thread for every rebuild: each finds Eleventy loaded and warm.
  const threads = startBuildThreads({ projectDir, contentDir, outputDir });
  const progress = buildProgressOnStderr();
  const options: BuildOptions = {
    projectDir,
    contentDir,
    outputDir,
    threads,
    includeDrafts: values.drafts,
    ...(values.pathprefix !== undefined ? { pathPrefix: values.pathprefix } : {}),
    // A first build of a big archive takes minutes; rebuilds are too short to show any.
    onProgress: progress.listener,
  };

  let server: LoopbackDevServer | undefined;
  /** Why the last build failed, shown on every page until a build succeeds. */
  let lastFailure: string | undefined;
  /** The last build failed on the folders it was given, not on an article. */
  let wrongFolder = false;
  const build = async (reason: string): Promise<boolean> => {
    const started = performance.now();
    try {
      const report = await buildSite(options).finally(() => progress.stop());
      if (report.warnings.length) console.warn(formatIssues(report.warnings));
      console.log(
        `${reason}: built ${countPhrase(report.articles)} (${countPhrase(report.write.written, "file", "files")} written, ${formatCount(report.write.deleted)} removed) in ${((performance.now() - started) / 1000).toFixed(2)} s`,
      );
      lastFailure = undefined;
      return true;
    } catch (error) {
      if (error instanceof OutputFolderError || error instanceof ContentFolderError) wrongFolder = true;
      const message = error instanceof DatelineError ? error.message.replace("the build stopped before writing the site", "still serving the last good site") : String((error as Error).stack ?? error);
      console.error(`${reason}: the build failed\n${message}`);
      lastFailure = message;
      server?.sendError({ error: new Error(message) });
      return false;
    }
  };

  const firstBuildOk = await build("Start");
  if (!firstBuildOk && wrongFolder) {
    // No save can fix a wrong --content or --output: stop rather than serve and watch the wrong folder.
    await threads.close();
    process.exitCode = 1;
    return;
  }
  // Serve under the prefix the pages were built for: the flag, or else the `pathPrefix` setting.
  const pathPrefix =
    values.pathprefix !== undefined
      ? normalizePathPrefix(values.pathprefix)
      : await loadSettings(contentDir).then((settings) => settings.pathPrefix, () => "/");
  const outputRoot = resolve(outputDir);
  /** The HTML file a request maps to, or undefined (assets, missing files, paths outside the site). */
  const htmlFileFor = (pathname: string): string | undefined => {
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    if (!path.startsWith(pathPrefix)) return undefined;
    path = path.slice(pathPrefix.length);
    if (path === "" || path.endsWith("/")) path += "index.html";
    if (!path.endsWith(".html")) return undefined;
    const file = resolve(outputRoot, path);
    return file.startsWith(outputRoot + sep) ? file : undefined;
  };
  server = new LoopbackDevServer("dateline", outputDir, {
    pathPrefix,
    liveReload: true,
    domDiff: false,
    portReassignmentRetryCount: 10,
    messageOnStart: () => false,
    onRequest: {
      // While the last build failed, every page carries the error above the last good content.
      "/*": async ({ url }) => {
        if (lastFailure === undefined) return undefined;
        const file = htmlFileFor(url.pathname);
        const page = file ? await readFile(file, "utf8").catch(() => undefined) : undefined;
        if (page === undefined) return undefined;
        return {
          status: 200,
          headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
          body: server!.augmentContentWithNotifier(withBuildErrorBanner(page, lastFailure)),
        };
      },
    },
  });
  server.server.on("listening", () => {
    const address = server!.server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    console.log(`Serving ${relative(projectDir, outputDir) || "."}/ at http://127.0.0.1:${actualPort}${pathPrefix} — watching ${relative(projectDir, contentDir)}/ (Ctrl+C to stop)`);
    if (!firstBuildOk) console.log("The first build failed: fix the articles above; the site is rebuilt when you save.");
  });
  server.serve(port);

  // Rebuild once per burst of changes (an editor's save, a batch import), never two at a time.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending: string[] = [];
  const schedule = (event: string, path: string) => {
    pending.push(`${event} ${relative(projectDir, path)}`);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  };
  const run = async (): Promise<void> => {
    if (running) {
      await running;
      if (pending.length === 0) return;
    }
    const changes = pending;
    pending = [];
    running = (async () => {
      const reason = changes.length === 1 ? changes[0]! : `${changes.length} changes`;
      // Reload on failure too, so open pages show (or drop) the error banner.
      await build(reason);
      server!.reload();
    })();
    await running;
    running = undefined;
  };
  const watcher = watch([contentDir], {
    ignoreInitial: true,
    // Hidden files and folders (editors' swap files) inside the content folder, wherever it is.
    ignored: (path) => path !== contentDir && /(^|[/\\])(\.|node_modules)/.test(relative(contentDir, path)),
    awaitWriteFinish: { stabilityThreshold: 80, pollInterval: 20 },
  });
  watcher.on("all", (event, path) => schedule(event, path));

  const stop = async () => {
    await watcher.close();
    await server?.close();
    await threads.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

await main();
