// Installs dependencies when node_modules is missing or older than the lockfile.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

export function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  const fresh =
    existsSync(marker) && statSync(marker).mtimeMs >= statSync("package-lock.json").mtimeMs;
  if (fresh) return;
  console.log("Installing dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}
