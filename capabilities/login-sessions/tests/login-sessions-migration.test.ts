import { applyD1Migrations, env } from "cloudflare:test";
import { expect, it } from "vitest";

const names = async (type: "table" | "index") =>
  (
    await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = ?1 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name",
    )
      .bind(type)
      .all<{ name: string }>()
  ).results.map((r) => r.name);

it("0004 renames the sign-in sessions table to login_sessions and keeps its rows", async () => {
  // This file's D1 starts fully migrated and empty: drop it all and replay only 0000–0003.
  for (const table of await names("table")) await env.DB.exec(`DROP TABLE "${table}"`);
  expect(await names("table")).toEqual([]);
  const migrations = env.TEST_MIGRATIONS;
  expect(migrations.map((m) => m.name).slice(0, 5)).toEqual([
    "0000_init.sql",
    "0001_tenancy_vault.sql",
    "0002_session_8.sql",
    "0003_session_9.sql",
    "0004_login_sessions.sql",
  ]);
  await applyD1Migrations(env.DB, migrations.slice(0, 4));
  expect(await names("table")).toContain("sessions");

  await env.DB.batch([
    env.DB.prepare("INSERT INTO users (id, email, created_at) VALUES ('u1', 'a@example.com', 1)"),
    env.DB.prepare(
      `INSERT INTO sessions (id, token_hash, user_id, auth_method, created_at, last_seen_at,
         authenticated_at, authenticated_by, expires_at, revoked_at, ip, user_agent, otp_challenge_id)
       VALUES ('s1', 'hash-1', 'u1', 'passkey', 10, 20, 30, 'passkey:cred-1', 40, NULL,
         '203.0.113.7', 'Firefox', 'otp-1')`,
    ),
  ]);

  await applyD1Migrations(env.DB, migrations);

  const tables = await names("table");
  expect(tables).toContain("login_sessions");
  expect(tables).not.toContain("sessions");
  expect(await env.DB.prepare("SELECT * FROM login_sessions").all()).toMatchObject({
    results: [
      {
        id: "s1",
        token_hash: "hash-1",
        user_id: "u1",
        auth_method: "passkey",
        created_at: 10,
        last_seen_at: 20,
        authenticated_at: 30,
        authenticated_by: "passkey:cred-1",
        expires_at: 40,
        revoked_at: null,
        ip: "203.0.113.7",
        user_agent: "Firefox",
        otp_challenge_id: "otp-1",
      },
    ],
  });
  const indexes = await names("index");
  expect(indexes).toEqual(
    expect.arrayContaining([
      "login_sessions_otp_challenge_id_unique",
      "login_sessions_token_hash_unique",
      "login_sessions_user",
    ]),
  );
  expect(indexes.filter((i) => i.startsWith("sessions_"))).toEqual([]);

  // Still unique, still tied to its user (deleting the user deletes the session).
  await expect(
    env.DB.prepare(
      `INSERT INTO login_sessions (id, token_hash, user_id, auth_method, created_at, last_seen_at,
         authenticated_at, expires_at) VALUES ('s2', 'hash-1', 'u1', 'passkey', 1, 1, 1, 1)`,
    ).run(),
  ).rejects.toThrow(/UNIQUE/);
  await env.DB.prepare("DELETE FROM users WHERE id = 'u1'").run();
  expect(
    await env.DB.prepare("SELECT COUNT(*) AS n FROM login_sessions").first<{ n: number }>(),
  ).toEqual({ n: 0 });
});
