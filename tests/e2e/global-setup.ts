// Starts the product exactly as the README does (`node scripts/start.mjs`) on fresh local
// storage, waits for /health, hands the base URL to the tests and stops the whole process
// tree afterwards.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

// wrangler.toml allows the Origin http://localhost:8787 in development; passkeys need it too.
const PORT = 8787;
const BASE_URL = `http://localhost:${PORT}`;
const LOG_DIR = "test-results/e2e";
const SERVER_LOG = join(LOG_DIR, "server.log");
const STARTUP_TIMEOUT_MS = 180_000;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

function tail(path: string, lines = 40): string {
  try {
    return readFileSync(path, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server output)";
  }
}

async function waitForHealth(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited before becoming healthy. Last output:\n${tail(SERVER_LOG)}`,
      );
    }
    try {
      const response = await fetch(`${BASE_URL}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `The server did not answer /health within ${STARTUP_TIMEOUT_MS / 1000} s. Last output:\n${tail(SERVER_LOG)}`,
  );
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return Promise.resolve();
  }
  const pid = child.pid;
  return new Promise((resolve) => {
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal); // the whole group: npx, wrangler, workerd
      } catch {
        // Already gone.
      }
    };
    const force = setTimeout(() => killGroup("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      // Stragglers that ignored SIGTERM (e.g. workerd) go with the group.
      killGroup("SIGKILL");
      resolve();
    });
    killGroup("SIGTERM");
  });
}

export default async function setup(project: TestProject) {
  for (const host of ["127.0.0.1", "::1"]) {
    if (await portAnswers(host, PORT)) {
      throw new Error(
        `Port ${PORT} is already in use (${host}). The e2e tests start their own Gatehouse on ` +
          `${BASE_URL} (the origin wrangler.toml allows); stop whatever is listening there ` +
          `(e.g. a running \`npm start\`) and run again.`,
      );
    }
  }

  mkdirSync(LOG_DIR, { recursive: true });
  const persistDir = mkdtempSync(join(tmpdir(), "gatehouse-e2e-"));
  const log = createWriteStream(SERVER_LOG);
  // The scripted model, the upstream MCP server and the syslog receiver run on loopback ports:
  // the explicit development settings allow them. An MCP call waits 3 s for an approval before
  // answering "awaiting approval, retry".
  const start = ["scripts/start.mjs", "--persist-to", persistDir];
  const vars = [
    "ALLOW_LOCAL_PROVIDERS:true",
    "MCP_UPSTREAM_ALLOW_LOOPBACK:true",
    "MCP_APPROVAL_HOLD_SECONDS:3",
    "SINK_ALLOW_LOOPBACK:true",
    // Invitations expire within a minute, so a test can open an expired one from its email.
    "INVITE_TTL_SECONDS:60",
    "OTP_STARTS_PER_IP_HOUR:1000",
  ].flatMap((v) => ["--var", v]);
  const child = spawn("node", [...start, ...vars], {
    env: { ...process.env, PORT: String(PORT), CI: "true", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group, so teardown can stop every descendant
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  try {
    await waitForHealth(child);
  } catch (error) {
    await stop(child);
    rmSync(persistDir, { recursive: true, force: true });
    throw error;
  }
  project.provide("baseUrl", BASE_URL);

  return async () => {
    await stop(child);
    log.end();
    rmSync(persistDir, { recursive: true, force: true });
  };
}
