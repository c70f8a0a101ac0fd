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
        AUTH_PEPPER: "test-pepper-0123456789abcdef0123456789abcdef",
        VAULT_KEKS: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      },
    },
  });
}
