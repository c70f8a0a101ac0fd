import { defineConfig } from "vitest/config";
import { workersPlugin } from "./vitest.shared";

export default defineConfig(async () => ({
  test: {
    testTimeout: 600_000,
    // One file at a time: rows measured side by side (Gatehouse's step and Lynx's) must not
    // share the CPU with each other or with other benchmarks.
    fileParallelism: false,
    projects: [
      {
        plugins: [await workersPlugin()],
        test: {
          name: "bench-workers",
          include: ["bench/worker/**/*.bench.test.ts"],
          setupFiles: ["./tests/helpers/apply-migrations.ts"],
          testTimeout: 600_000,
        },
      },
      {
        test: {
          name: "bench-node",
          environment: "node",
          include: ["bench/node/**/*.bench.test.ts"],
          testTimeout: 600_000,
        },
      },
    ],
  },
}));
