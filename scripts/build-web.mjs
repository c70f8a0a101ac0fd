// Placeholder until the console lands: writes a minimal page so static assets exist.
import { mkdirSync, writeFileSync } from "node:fs";
mkdirSync("web/dist", { recursive: true });
writeFileSync("web/dist/index.html", "<!doctype html><title>Gatehouse</title><p>Console coming.</p>\n");
