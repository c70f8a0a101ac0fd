// `npm run test:e2e`: the console in a real Chromium against the product started as in the
// README. Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and a free port 8787.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}. Install it (Debian/Ubuntu: apt-get install -y chromium) ` +
      "or set CHROMIUM_PATH to a Chromium/Chrome binary.",
  );
  process.exit(1);
}

const result = spawnSync(
  "npx",
  ["vitest", "run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
