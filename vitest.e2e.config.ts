import { defineConfig } from "vitest/config";

// Run by `node scripts/e2e.mjs` (also part of `npm test`): the console in a real Chromium; its
// global setup starts the product like the README (`node scripts/start.mjs`) on fresh local
// storage at http://localhost:8787. The console's browser-independent tests (tests/e2e/*.test.ts
// without `.e2e`) run in the "node" project of vitest.config.ts.
export default defineConfig({
  test: {
    // Steps in the e2e file build on each other; after the first failure the rest only add noise.
    bail: 1,
    name: "e2e",
    environment: "node",
    include: ["tests/e2e/**/*.e2e.test.ts"],
    globalSetup: ["./tests/helpers/build-cli.ts", "./tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
