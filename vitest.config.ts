import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Eleventy imports `.eleventy.ts` natively: give Node tsx's loader in every test worker.
    setupFiles: ["tests/helpers/register-tsx.ts"],
    // Build and browser tests spawn Eleventy and Chromium; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
