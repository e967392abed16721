import { parentPort, workerData } from "node:worker_threads";
import { scanTrees, type SiteTrees } from "./write-site.js";

/** Worker thread of `startTreeScan`: one scan, posted back, then the thread ends. */
parentPort!.postMessage(scanTrees(workerData as SiteTrees));
