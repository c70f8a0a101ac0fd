import { availableParallelism } from "node:os";
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
          include: [
            "capabilities/**/tests/**/*.test.ts",
            "tests/worker/**/*.test.ts",
            "tests/attacks/**/*.test.ts",
          ],
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
          // One module graph per worker instead of one per file: the files share no state (the
          // few that stub globals unstub them afterEach), and re-importing core/ and zod for each
          // of ~70 files was half of the project's CPU time.
          isolate: false,
          // At least two workers (Vitest's default is cores - 1, so one on a 2-core machine): the CLI
          // tests mostly wait on child processes, and a second worker overlaps them with CPU work.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          // Vitest runs projects with different worker counts in separate groups: the Node files
          // after the workerd ones when both run (`npx vitest run`, `npm test`).
          sequence: { groupOrder: 1 },
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
