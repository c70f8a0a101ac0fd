import { defineConfig } from "vitest/config";
import { workersPlugin } from "./vitest.shared";

// Two projects, each test file in exactly one:
// - workers: everything that needs workerd (SELF.fetch, D1, Durable Objects), migrations applied;
// - node: everything that needs neither workerd nor a browser — pure core/ logic, the CLI and the
//   console's browser-independent code. `npm run test:fast` runs only this one.
export default defineConfig(async () => ({
  test: {
    projects: [
      {
        plugins: [await workersPlugin()],
        test: {
          name: "workers",
          include: ["tests/worker/**/*.test.ts", "tests/attacks/**/*.test.ts"],
          setupFiles: [
            "./tests/helpers/apply-migrations.ts",
            "./tests/helpers/canary-setup.ts",
            "./tests/helpers/clock-setup.ts",
          ],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          // CPU-bound cases (every Merkle proof up to 40 leaves, CLI processes) on a busy machine.
          testTimeout: 30_000,
          globalSetup: ["./tests/helpers/build-cli.ts"],
          include: ["tests/core/**/*.test.ts", "tests/node/**/*.test.ts", "tests/e2e/**/*.test.ts"],
          exclude: ["tests/e2e/**/*.e2e.test.ts"],
        },
      },
    ],
  },
}));
