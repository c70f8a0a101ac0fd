// `npm run lint` (after prettier): type-aware rules that catch real bugs, and the folder layering.
// The layering is written down in docs/architecture.md; keep the two in step.
import tseslint from "typescript-eslint";

const typedProjects = ["./tsconfig.json", "./tsconfig.node.json", "./web/tsconfig.json"];

/** `no-restricted-imports` patterns for relative imports that reach into a top-level folder. */
const into = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join("|")})(/|$)`,
  message,
});

const RUNTIME_MODULES = {
  regex: "^(node|cloudflare):",
  message: "core/ has no I/O: pass what it needs in (a port), do not import a runtime module.",
};

// The layering (docs/architecture.md, "Layering"): each folder imports only folders below it, type
// imports included. core < platform < capabilities < durable-objects < workers; web/ and cli/ sit on
// top but see only core/ and the capabilities' wire contracts. Tests (tests/, capabilities/*/tests/)
// and bench/, scripts/ may import anything.
const LAYERS = ["core", "platform", "capabilities", "durable-objects", "workers"];
const OUTSIDE = ["web", "cli", "tests", "scripts", "bench"];
const above = (layer) => LAYERS.slice(LAYERS.indexOf(layer) + 1);
const layering = (layer) =>
  into(
    [...above(layer), ...OUTSIDE],
    `${layer}/ may import only ${LAYERS.slice(0, LAYERS.indexOf(layer) + 1).join(", ")} (docs/architecture.md, "Layering"): move shared code down, or declare the slice you need as an interface.`,
  );
const CLIENTS_STAY_OUT =
  "The console and the CLI talk to the server over HTTP only: they may import core/ and capabilities/*/contract.ts, nothing else of the server.";
const CONTRACT_IS_WIRE =
  "A capability's contract.ts is the wire contract the console and CLI import: only core/, other contracts, zod and @hono/zod-openapi.";

/** The server-clock rule's `no-restricted-syntax` selectors (see below). */
const SERVER_CLOCK = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "`new Date()` reads the system clock: use `new Date(clock.now())`.",
  },
  {
    selector: "ImportSpecifier[imported.name='testClock']",
    message: "Only tests move the clock (tests/helpers/clock.ts).",
  },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".wrangler/",
      "web/dist/",
      "cli/dist/",
      "cli/.dist-*/",
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
      "no-restricted-imports": ["error", { patterns: [layering("core"), RUNTIME_MODULES] }],
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
  ...["platform", "capabilities", "durable-objects", "workers"].map((layer) => ({
    files: [`${layer}/**`],
    ignores: ["capabilities/*/tests/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [layering(layer)] }] },
  })),
  {
    files: ["capabilities/*/contract.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layering("capabilities"),
            into(["platform"], CONTRACT_IS_WIRE),
            // Within capabilities/: only another capability's contract.
            { regex: "^\\.\\./(?!\\.\\./|[^/]+/contract$)", message: CONTRACT_IS_WIRE },
            { regex: "^\\./", message: CONTRACT_IS_WIRE },
            { regex: "^(?!\\.|zod$|@hono/zod-openapi$)", message: CONTRACT_IS_WIRE },
          ],
        },
      ],
    },
  },
  {
    files: ["web/**", "cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            into(["platform", "durable-objects", "workers", "tests"], CLIENTS_STAY_OUT),
            { regex: "^(\\.\\./)+capabilities/(?![^/]+/contract$)", message: CLIENTS_STAY_OUT },
          ],
        },
      ],
    },
  },
  {
    // One clock for the server (platform/clock.ts) so tests can move time; real elapsed-time
    // measurements that must not move with it say so with an eslint-disable comment.
    files: ["platform/**", "capabilities/**", "durable-objects/**", "workers/**"],
    ignores: ["platform/clock.ts", "capabilities/**/tests/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: "Read time from `clock` (platform/clock.ts)." },
      ],
      "no-restricted-syntax": ["error", ...SERVER_CLOCK],
    },
  },
  {
    // D1 is queried through drizzle (platform/db/client.ts) in repositories; only platform/db
    // touches the binding's raw statements. Repeats the clock selectors: a later
    // `no-restricted-syntax` replaces an earlier one.
    files: ["platform/**", "capabilities/**", "durable-objects/**", "workers/**"],
    ignores: ["platform/clock.ts", "platform/db/**", "capabilities/**/tests/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...SERVER_CLOCK,
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message:
            "Query D1 through drizzle in the capability's repository (`database(env.DB)`, platform/db/client.ts), not `prepare(`.",
        },
      ],
    },
  },
);
