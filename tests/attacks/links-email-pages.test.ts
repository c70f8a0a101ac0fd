import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signPurposeToken } from "../../platform/signed-token";
import { signApprovalLink } from "../../capabilities/runs/approval-link";
import { signInviteToken } from "../../capabilities/tenancy/invite-token";
import { call, eventually, outboxFor, signUp, skipCooldown } from "../helpers/client";
import { useTestClock } from "../helpers/clock";
import { newTenant } from "../../capabilities/tenancy/tests/helpers";

/**
 * The pages behind email links, attacked from outside: a browser that sends `Origin: null`, a
 * reused "this wasn't me" link (which must not sign the person out again after they signed back
 * in), altered and expired links, and a second decision through an approval link.
 */
const form = (fields: Record<string, string>) => ({
  method: "POST",
  rawBody: new URLSearchParams(fields).toString(),
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

async function notMeToken(email: string): Promise<string> {
  const mail = await eventually(async () =>
    (await outboxFor(email)).find((m) => m.subject === "New sign-in to Gatehouse"),
  );
  return new URL(/(http\S+not-me\?token=[\w.-]+)/.exec(mail.text)![1]!).searchParams.get("token")!;
}

const alive = async (cookie: string) => (await call("/api/me", { cookie })).status === 200;

describe("email link pages", () => {
  it("sends a referrer policy that keeps the Origin of our own form posts", async () => {
    for (const path of ["/auth/not-me?token=x", "/api/openapi.json", "/health"]) {
      expect((await call(path)).headers.get("referrer-policy"), path).toBe("same-origin");
    }
  });

  it("refuses a form post with Origin: null with a readable page, changing nothing", async () => {
    const a = await signUp();
    const token = await notMeToken(a.email);
    const res = await call("/auth/not-me", { ...form({ token }), origin: "null" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain("<h1>This request was refused</h1>");
    expect(page).not.toContain('"error"');
    expect(await alive(a.cookie)).toBe(true);
    // A JSON API call with Origin: null is still an API error.
    const api = await call("/api/auth/logout", {
      method: "POST",
      origin: "null",
      cookie: a.cookie,
    });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe(
      "origin_not_allowed",
    );
  });

  it("uses a 'this wasn't me' link once: a replay cannot sign the person out again", async () => {
    const a = await signUp();
    const token = await notMeToken(a.email);
    const first = await call("/auth/not-me", form({ token }));
    expect(first.status).toBe(200);
    expect(await alive(a.cookie)).toBe(false);

    // The person signs back in; whoever holds the old link replays it.
    skipCooldown();
    const again = await signUp(a.email, a.ip);
    for (const replay of [
      call(`/auth/not-me?token=${token}`),
      call("/auth/not-me", form({ token })),
    ]) {
      const res = await replay;
      expect(res.status).toBe(410);
      expect(await res.text()).toContain("<h1>This link was already used</h1>");
    }
    expect(await alive(again.cookie)).toBe(true);
  });

  it("tells an expired link from an altered one, and neither does anything", async () => {
    const a = await signUp();
    const pepper = env.AUTH_PEPPER!;
    const expired = await signPurposeToken(
      pepper,
      "gatehouse/not-me",
      { sub: a.user.id, evt: "e" },
      -60,
    );
    const res = await call("/auth/not-me", form({ token: expired }));
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("<h1>This link has expired</h1>");

    const genuine = await notMeToken(a.email);
    const altered = genuine.slice(0, -3) + (genuine.endsWith("AAA") ? "BBB" : "AAA");
    const bad = await call("/auth/not-me", form({ token: altered }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("<h1>This link is not valid</h1>");
    // Minted for another purpose (an approval link's key): not valid either.
    const foreign = await signPurposeToken(pepper, "gatehouse/approval", { sub: a.user.id }, 600);
    expect((await call("/auth/not-me", form({ token: foreign }))).status).toBe(400);
    expect(await alive(a.cookie)).toBe(true);
  });

  it("decides an approval once through its link; a second decision gets a page, not a flip", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Links");
    const stub = env.TENANT.get(env.TENANT.idFromName(t));
    const run = await stub.openRun({ agent: "a", metadata: {} }, { kind: "system", id: "x" });
    if (!run.ok) throw new Error(run.message);
    const step = await stub.proposeStep(
      run.value.id,
      { tool: "pay", args: { amount: 5 }, declared: {}, idempotency_key: "k" },
      { kind: "system", id: "x" },
      "api",
    );
    if (!step.ok) throw new Error(step.message);
    const a = step.value.approval_id!;
    const linked = await call(`/api/tenants/${t}/approvals/${a}/link`, {
      method: "POST",
      cookie: owner.cookie,
    });
    const { url } = (await linked.json()) as { url: string };
    const token = new URL(url).searchParams.get("token")!;
    const approve = await call(
      "/auth/approval",
      form({ token, decision: "approve", reason: "ok" }),
    );
    expect(approve.status).toBe(200);
    expect(await approve.text()).toContain("<h1>Approved</h1>");

    const deny = await call("/auth/approval", form({ token, decision: "deny", reason: "flip" }));
    expect(deny.status).toBe(409);
    expect(await deny.text()).toContain("<h1>This approval was already decided</h1>");
    const shown = await call(`/auth/approval?token=${token}`);
    expect(shown.status).toBe(409);
    expect(await shown.text()).toContain("This approval is already approved");
    const decided = await stub.getApproval(a);
    expect(decided.ok && decided.value.status).toBe("approved");

    const expired = await signApprovalLink(
      env.AUTH_PEPPER!,
      { tenantId: t, approvalId: a, userId: owner.user.id },
      1,
    );
    useTestClock().advance(2100);
    const late = await call(`/auth/approval?token=${expired}`);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain("<h1>This link has expired</h1>");
    const altered = await call(`/auth/approval?token=${token.slice(0, -3)}xyz`);
    expect(altered.status).toBe(400);
  });

  it("says why an invitation link cannot be used: expired, replaced, or altered", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Invites");
    const invitee = await signUp();
    const preview = (token: string) => call("/api/invites/preview", { body: { token } });
    const message = async (res: Response) => {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_invite");
      return body.error.message;
    };
    const expired = await signInviteToken(
      env.AUTH_PEPPER!,
      { inviteId: crypto.randomUUID(), tenantId: t, email: invitee.email },
      Date.now() - 60_000,
    );
    expect(await message(await preview(expired))).toContain("has expired");

    for (let i = 0; i < 2; i++) {
      const sent = await call(`/api/tenants/${t}/invites`, {
        body: { email: invitee.email, role: "viewer" },
        cookie: owner.cookie,
      });
      expect(sent.status).toBe(201);
    }
    const mails = (await outboxFor(invitee.email)).filter((m) =>
      m.subject.startsWith("You're invited"),
    );
    const tokenOf = (text: string) =>
      new URL(/(http\S+\/invite\?token=\S+)/.exec(text)![1]!).searchParams.get("token")!;
    const older = tokenOf(mails[1]!.text); // newest first: [1] is the first, now replaced
    expect(await message(await preview(older))).toContain("cancelled or replaced");
    const newer = tokenOf(mails[0]!.text);
    expect((await preview(newer)).status).toBe(200);
    const altered = newer.slice(0, -3) + (newer.endsWith("AAA") ? "BBB" : "AAA");
    expect(await message(await preview(altered))).toContain("not valid");
  });
});
