// The fuzz child starts as plain Node: load the TypeScript worker through tsx.
import { tsImport } from "tsx/esm/api";

await tsImport("./fuzz-worker.ts", import.meta.url);
