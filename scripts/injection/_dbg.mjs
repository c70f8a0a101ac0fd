import { loadScanner } from "./bundle.mjs";
const { analyzeInjection } = await loadScanner();
for (const t of process.argv.slice(2)) console.log(JSON.stringify(analyzeInjection(t)));
