import { defineConfig } from "vitest/config";
import { workersPlugin } from "./vitest.shared";

export default defineConfig(async () => ({
  test: {
    projects: [
      {
        plugins: [await workersPlugin()],
        test: {
          name: "workers",
          include: [
            "tests/worker/**/*.test.ts",
            "tests/core/**/*.test.ts",
            "tests/attacks/**/*.test.ts",
          ],
          setupFiles: ["./tests/helpers/apply-migrations.ts", "./tests/helpers/canary-setup.ts"],
        },
      },
      { test: { name: "node", environment: "node", include: ["tests/node/**/*.test.ts"] } },
    ],
  },
}));
