import { DATELINE_ROOT, RUNS_COMPILED } from "../../src/source-root.js";

/** Run by tests/build/launch.test.ts through the launcher: says how this module is running. */
console.log(JSON.stringify({ url: import.meta.url, root: DATELINE_ROOT, compiled: RUNS_COMPILED, argv1: process.argv[1], args: process.argv.slice(2) }));
