/**
 * The environment the CLI tests start `cli/bin.mjs` with: this process's, without
 * NODE_EXTRA_CA_CERTS. The children talk plain HTTP to loopback only, and reading an extra CA
 * bundle costs every Node start-up about 65 ms of CPU — most of a test's time over ~100 starts.
 */
export const cliEnv: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: undefined };
