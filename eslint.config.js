// `npm run lint` (after prettier): type-aware rules that catch real bugs, and the folder layering.
// The layering is written down in docs/architecture.md; keep the two in step.
import tseslint from "typescript-eslint";

const typedProjects = ["./tsconfig.json", "./tsconfig.node.json", "./web/tsconfig.json"];

/** `no-restricted-imports` patterns for relative imports that reach into a top-level folder. */
const into = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join("|")})(/|$)`,
  message,
});

const CORE_IS_PURE =
  "core/ is pure logic: it imports only core/ and pure libraries, never the Worker, the DO, the console, the CLI or tests.";
const RUNTIME_MODULES = {
  regex: "^(node|cloudflare):",
  message: "core/ has no I/O: pass what it needs in (a port), do not import a runtime module.",
};
const CLIENTS_STAY_OUT =
  "The console and the CLI talk to the server over HTTP only; shared code goes in core/.";
const CYCLE =
  "workers/ <-> durable-objects/ is a known cycle (docs/architecture.md); do not add to it — put shared code below both.";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".wrangler/",
      "web/dist/",
      "test-results/",
      "worker-configuration.d.ts",
      "migrations/",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: typedProjects, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      // RuleFault is the policy matcher's preallocated, stack-less fault (core/policy/rule-fault.ts).
      "@typescript-eslint/only-throw-error": [
        "error",
        { allow: [{ from: "file", name: "RuleFault", path: "core/policy/rule-fault.ts" }] },
      ],
      // Passing on a rejection or an abort reason as it came is fine; making up a non-Error is not.
      "@typescript-eslint/prefer-promise-reject-errors": [
        "error",
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      "@typescript-eslint/no-for-in-array": "error",
      "@typescript-eslint/no-implied-eval": "error",
    },
  },
  {
    // Console event handlers (`onClick={save}` with an async `save`) catch and show their own errors; a
    // promise passed anywhere else where a void is expected is still an error.
    files: ["web/**/*.tsx"],
    rules: {
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: ["core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            into(
              ["workers", "durable-objects", "web", "cli", "tests", "scripts", "bench"],
              CORE_IS_PURE,
            ),
            RUNTIME_MODULES,
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["fetch", "caches", "WebSocket", "setTimeout", "setInterval", "process", "console"].map(
          (name) => ({ name, message: "core/ has no I/O or timers: take them as a parameter." }),
        ),
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "Date",
          property: "now",
          message: "core/ reads time from a Clock it is given (core/clock.ts).",
        },
      ],
    },
  },
  {
    files: ["web/**", "cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [into(["workers", "durable-objects"], CLIENTS_STAY_OUT)] },
      ],
    },
  },
  {
    // One clock for the server (platform/clock.ts) so tests can move time; real elapsed-time
    // measurements that must not move with it say so with an eslint-disable comment.
    files: ["workers/**", "durable-objects/**"],
    ignores: ["platform/clock.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Read time from `clock` (platform/clock.ts)." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "`new Date()` reads the system clock: use `new Date(clock.now())`.",
        },
        {
          selector: "ImportSpecifier[imported.name='testClock']",
          message: "Only tests move the clock (tests/helpers/clock.ts).",
        },
      ],
    },
  },
  {
    files: ["workers/**"],
    // The entry point is the composition root: wrangler needs the DO class exported from it.
    ignores: ["workers/index.ts"],
    rules: {
      "no-restricted-imports": ["warn", { patterns: [into(["durable-objects"], CYCLE)] }],
    },
  },
  {
    files: ["durable-objects/**"],
    rules: {
      "no-restricted-imports": ["warn", { patterns: [into(["workers"], CYCLE)] }],
    },
  },
);
