import { siblingModule, startModuleWorker } from "../worker-threads.js";
import { scanTrees, type SiteTrees, type TreeScan } from "./write-site.js";

/**
 * `scanTrees` on a worker thread: stamping the ~20,000 files of a 10,000-article site and walking
 * its folders takes most of a second, which the main thread spends reading and modelling the
 * archive meanwhile. Scans here instead if the worker cannot start or dies.
 */
export function startTreeScan(trees: SiteTrees): Promise<TreeScan & { readonly onWorker: boolean }> {
  let worker: ReturnType<typeof startModuleWorker>;
  try {
    worker = startModuleWorker(siblingModule(import.meta.url, "scan-trees-worker"), { workerData: trees });
  } catch {
    return Promise.resolve({ ...scanTrees(trees), onWorker: false });
  }
  // A build that fails before it needs the scan must not be kept alive by the worker.
  worker.unref();
  return new Promise((resolve) => {
    let answered = false;
    const fallback = () => {
      if (answered) return;
      answered = true;
      resolve({ ...scanTrees(trees), onWorker: false });
    };
    worker.once("message", (scan: TreeScan) => {
      answered = true;
      resolve({ ...scan, onWorker: true });
    });
    worker.once("error", fallback);
    worker.once("exit", fallback);
  });
}
