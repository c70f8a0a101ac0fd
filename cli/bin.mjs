#!/usr/bin/env node
// The CLI is TypeScript, prebuilt into cli/dist by `npm run build` (also run by `prepare` on
// install and by the test scripts). A checkout that has never built it builds it once here.
import { existsSync } from "node:fs";

const entry = new URL("./dist/main.js", import.meta.url);
if (!existsSync(entry)) await (await import("../scripts/build-cli.mjs")).buildCli();
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
