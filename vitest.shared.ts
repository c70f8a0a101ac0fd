import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";

/** The Workers-runtime plugin with real D1 migrations and fixed test secrets. */
export async function workersPlugin() {
  const migrations = await readD1Migrations("migrations");
  return cloudflareTest({
    wrangler: { configPath: "./wrangler.toml" },
    miniflare: {
      bindings: {
        TEST_MIGRATIONS: migrations,
        ENVIRONMENT: "development",
        // MCP tools/call holds an approval wait this long before "retry with the same call".
        MCP_APPROVAL_HOLD_SECONDS: "2",
        AUTH_PEPPER: "test-pepper-0123456789abcdef0123456789abcdef",
        VAULT_KEKS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        // A test-only Ed25519 key for audit checkpoints (never used outside tests).
        SIGNING_KEY: JSON.stringify({
          kty: "OKP",
          crv: "Ed25519",
          x: "QJPqUSJ0PSdC06MEKTWCsIt9ouWp7wB0e2W2UYFx6VY",
          d: "9LIiHraMRpxA2m-gOPs4ole8lOr-A1-2TN2PPRqJeFw",
          kid: "test-2026",
        }),
      },
    },
  });
}
