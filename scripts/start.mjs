// `npm start`: the whole product locally on embedded defaults (local D1 + Durable Objects,
// dev secrets, dev outbox) at http://localhost:8787. Extra arguments go to `wrangler dev`.
import { execFileSync, spawn } from "node:child_process";
import { ensureDependencies } from "./ensure-deps.mjs";

ensureDependencies();
const { ensureDevSecrets } = await import("./dev-secrets.mjs");
await ensureDevSecrets();
execFileSync("node", ["scripts/build-web.mjs"], { stdio: "inherit" });

const passthrough = process.argv.slice(2);
const persist = passthrough.includes("--persist-to")
  ? ["--persist-to", passthrough[passthrough.indexOf("--persist-to") + 1]]
  : [];
execFileSync("npx", ["wrangler", "d1", "migrations", "apply", "gatehouse", "--local", ...persist], {
  stdio: "inherit",
  env: { ...process.env, CI: "true" },
});

const port = process.env.PORT ?? "8787";
console.log(
  `\nGatehouse: http://localhost:${port}  ·  dev outbox: http://localhost:${port}/dev/outbox\n`,
);
const dev = spawn(
  "npx",
  [
    "wrangler",
    "dev",
    "--port",
    port,
    "--ip",
    "localhost",
    "--show-interactive-dev-session=false",
    ...passthrough,
  ],
  { stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
