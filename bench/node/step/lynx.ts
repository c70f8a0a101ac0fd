import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** Per run: µs per step, wall and CPU. */
export interface LynxRound {
  wall_us: number[];
  cpu_us: number[];
}

/** Lynx's `run_agent`, driven round by round by scripts/lynx-step-bench.py (one process). */
export interface LynxDriver {
  round(runs: number): Promise<LynxRound>;
  close(): void;
}

export function startLynx(src: string, stepsPerRun: number): LynxDriver {
  const child = spawn("python3", ["scripts/lynx-step-bench.py", String(stepsPerRun)], {
    env: { ...process.env, LYNX_SRC: src },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async round(runs) {
      child.stdin.write(`${runs}\n`);
      const next = await lines.next();
      if (next.done) throw new Error(`lynx-step-bench.py stopped: ${stderr}`);
      return JSON.parse(next.value) as LynxRound;
    },
    close() {
      child.stdin.end();
    },
  };
}
