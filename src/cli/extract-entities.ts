import { readFileSync } from "node:fs";
import { extractEntities } from "../entities/extract.js";

/**
 * `npx tsx src/cli/extract-entities.ts FILE...` prints {"people":[...],"places":[...]} for one raw
 * file, or with `--jsonl` one line {"id","people","places"} per file (the id is the file's base name).
 */
const args = process.argv.slice(2);
const jsonl = args.includes("--jsonl");
const files = args.filter((a) => a !== "--jsonl");
for (const file of files) {
  const found = extractEntities(readFileSync(file, "utf8"));
  if (jsonl) {
    const id = file.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
    process.stdout.write(JSON.stringify({ id, ...found }) + "\n");
  } else process.stdout.write(JSON.stringify(found) + "\n");
}
