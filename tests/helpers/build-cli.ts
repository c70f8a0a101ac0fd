// Vitest global setup: the CLI tests spawn `cli/bin.mjs`, which runs the prebuilt cli/dist;
// build it from the sources under test first so a stale build is never what gets tested.
import { buildCli } from "../../scripts/build-cli.mjs";

export default async function setup(): Promise<void> {
  await buildCli();
}
