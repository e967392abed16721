import { writeCorpus } from "./corpus.js";
await writeCorpus(process.argv[2]!, Number(process.argv[3]));
