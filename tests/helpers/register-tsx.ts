import { register } from "tsx/esm/api";

/**
 * Eleventy loads `.eleventy.ts` with Node's own `import()`, outside Vitest's module graph; Node
 * needs tsx's loader to read TypeScript there, as it has under `npm run build`.
 */
register();
