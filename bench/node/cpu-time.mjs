// Runs `node cli/bin.mjs ARGS…` in this process and prints the process's CPU time (user +
// system, since it started) on stderr as `CPU <ms>`: what the CLI costs, apart from waiting for
// a core on a loaded machine.
process.argv.splice(1, 1);
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nCPU ${(user + system) / 1000}\n`);
});
await import("../../cli/bin.mjs");
