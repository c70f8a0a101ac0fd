import { describe, expect, it } from "vitest";
import {
  call,
  eventually,
  freshEmail,
  freshIp,
  latestCode,
  outboxFor,
  sessionCookie,
  signUp,
  skipCooldown,
} from "../../../tests/helpers/client";
import { json } from "../../tenancy/tests/helpers";
import { cookieFrom } from "../../account/tests/support";

type History = {
  events: { method: string; location: string | null; new_device: boolean; session_id: string }[];
};

describe("sign-in history", () => {
  it("never shows wrangler's placeholder place as real: it is local development, also in the email", async () => {
    const austin = { city: "Austin", region: "Texas", country: "US" };
    const person = await signUp(undefined, undefined, { cf: austin });
    const history = await json<History>(
      await call("/api/me/login-events", { cookie: person.cookie }),
    );
    expect(history.events[0]!.location).toBe("Local development");
    const mail = await eventually(async () =>
      (await outboxFor(person.email)).find((m) => m.subject === "New sign-in to Gatehouse"),
    );
    expect(mail.text).toContain("Approximate location: Local development");
    expect(mail.text).not.toContain("Austin");
    const sessions = await json<{ sessions: { location: string | null; created_at: string }[] }>(
      await call("/api/me/login-sessions", { cookie: person.cookie }),
    );
    expect(sessions.sessions[0]!.location).toBe("Local development");
  });

  it("a real place stays as it is", async () => {
    const person = await signUp(undefined, undefined, {
      cf: { city: "Lisbon", region: "Lisbon", country: "PT" },
    });
    const history = await json<History>(
      await call("/api/me/login-events", { cookie: person.cookie }),
    );
    expect(history.events[0]!.location).toBe("Lisbon, Lisbon, PT");
  });

  it("badges the first sign-in from a browser as a new device, not a later one from it", async () => {
    const email = freshEmail();
    const ip = freshIp();
    const signIn = async (cookie?: string) => {
      skipCooldown();
      expect((await call("/api/auth/otp/start", { body: { email }, ip })).status).toBe(202);
      const res = await call("/api/auth/otp/verify", {
        body: { email, code: await latestCode(email) },
        ip,
        ...(cookie ? { cookie } : {}),
      });
      expect(res.status).toBe(200);
      return res;
    };
    const first = await signIn();
    const device = cookieFrom(first, "device");
    await signIn(device); // the same browser, sending back its device cookie
    const other = await signIn(); // another browser
    const history = await json<History>(
      await call("/api/me/login-events", { cookie: sessionCookie(other) }),
    );
    expect(history.events.map((e) => e.new_device)).toEqual([true, false, true]);
  });
});
