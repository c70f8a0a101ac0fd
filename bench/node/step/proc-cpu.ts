import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime/stime (`getconf CLK_TCK`, 100 on Linux). */
const TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** The ids of `pid`'s descendant processes named `name` (Linux /proc). */
export function descendantsNamed(pid: number, name: string): number[] {
  const found: number[] = [];
  const walk = (p: number) => {
    for (const task of safeList(`/proc/${p}/task`)) {
      const children = safeRead(`/proc/${p}/task/${task}/children`).split(" ").filter(Boolean);
      for (const child of children.map(Number)) {
        if (safeRead(`/proc/${child}/comm`).trim() === name) found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/** User + system CPU seconds `pid` has used so far, all its threads included. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name (which may hold spaces): utime is field 14.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
