import { writeFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { extraArticle } from "./corpus.js";
const a = extraArticle(Number(process.argv[3]));
await mkdir(dirname(join(process.argv[2]!, a.path)), { recursive: true });
await writeFile(join(process.argv[2]!, a.path), a.text);
