import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread on one of Dateline's modules, given as the URL of its `.ts` file next to
 * the caller. Under tsx (Dateline runs from source) the worker registers tsx's loader itself before
 * importing the module, since Node 20 does not pass module hooks on to worker threads; compiled, it
 * loads the `.js` file beside it.
 */
export function startModuleWorker(moduleUrl: URL, options: Pick<WorkerOptions, "workerData" | "resourceLimits"> = {}): Worker {
  if (!moduleUrl.pathname.endsWith(".ts")) return new Worker(moduleUrl, options);
  const loader = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** The URL of a sibling module of `callerUrl`, with the caller's own extension (`.ts` from source, `.js` compiled). */
export function siblingModule(callerUrl: string, name: string): URL {
  const extension = callerUrl.endsWith(".ts") ? ".ts" : ".js";
  return new URL(`./${name}${extension}`, callerUrl);
}
