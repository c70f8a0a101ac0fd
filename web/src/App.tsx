import { useEffect, useState } from "hono/jsx/dom";
import { api, ApiError, messageOf, setUnauthenticatedListener } from "./api";
import type { Me, SignInMethod, SignInResult } from "./api";
import { Shell } from "./components/Shell";
import { Alert, Button, Loading } from "./components/ui";
import { sectionOf, tenantHome, visibleNav } from "./nav";
import { matchRoute, NOT_FOUND_TITLE, upgradeLegacyPath } from "./routes";
import type { AccountContext } from "./routes";
import { navigate, redirect, usePath } from "./router";
import { PasskeyPrompt } from "./screens/signin/PasskeyPrompt";
import { SignIn } from "./screens/signin/SignIn";
import { Screens } from "./Screens";
import { chooseTenant, rememberedTenant, rememberTenant, scopesOf } from "./tenancy";

type Auth =
  | { kind: "checking" }
  | { kind: "unavailable"; error: unknown }
  | { kind: "signed-out"; notice?: string }
  | { kind: "passkey-prompt"; me: Me }
  | { kind: "signed-in"; me: Me; notice: string | null };

const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

export function App() {
  const [auth, setAuth] = useState<Auth>({ kind: "checking" });
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Outside a tenant's addresses: the tenant the console worked in last on this device.
  const [tenantId, setTenantId] = useState<string | null>(rememberedTenant);
  const address = usePath();
  const [path, search = ""] = splitAddress(address);
  const match = matchRoute(path, search);
  const urlTenant = tenantInPath(path);
  const memberships = auth.kind === "signed-in" ? scopesOf(auth.me) : [];
  const member = urlTenant ? (memberships.find((t) => t.id === urlTenant) ?? null) : null;
  // An address from before the tenant was in the URL, or a tenant's own root (`/t/x`).
  const fallback = chooseTenant(memberships, tenantId);
  const upgraded =
    auth.kind !== "signed-in"
      ? null
      : member && /^\/t\/[^/]+\/?$/.test(path)
        ? tenantHome(member)
        : upgradeLegacyPath(path, search, fallback?.id ?? null);

  useEffect(() => {
    if (upgraded) redirect(upgraded);
  }, [upgraded]);

  const screenTitle = urlTenant && !member ? "No access" : (match?.route.title ?? NOT_FOUND_TITLE);

  // Opening a tenant's address makes it the one the console works in.
  useEffect(() => {
    if (member && member.id !== tenantId) {
      rememberTenant(member.id);
      setTenantId(member.id);
    }
  }, [member?.id]);

  const check = async () => {
    setAuth({ kind: "checking" });
    try {
      setAuth({ kind: "signed-in", me: await api.me(), notice: null });
    } catch (e) {
      setAuth(
        e instanceof ApiError && e.status === 401
          ? { kind: "signed-out" }
          : { kind: "unavailable", error: e },
      );
    }
  };

  useEffect(() => {
    setUnauthenticatedListener(() =>
      setAuth((a) =>
        a.kind === "signed-in" || a.kind === "passkey-prompt"
          ? { kind: "signed-out", notice: SESSION_ENDED }
          : a,
      ),
    );
    void check();
  }, []);

  useEffect(() => {
    const titles: Record<Auth["kind"], string> = {
      checking: "Gatehouse",
      unavailable: "Gatehouse is unavailable",
      "signed-out": "Sign in · Gatehouse",
      "passkey-prompt": "Add a passkey · Gatehouse",
      "signed-in": `${screenTitle} · Gatehouse`,
    };
    document.title = titles[auth.kind];
  }, [auth.kind, screenTitle]);

  const switchTenant = (id: string) => {
    rememberTenant(id);
    setTenantId(id);
  };

  /** The switcher: on a tenant's screen, the same section in the other tenant. */
  const switchTo = (id: string) => {
    const next = memberships.find((t) => t.id === id);
    if (!next || !match || match.route.scope !== "tenant") return switchTenant(id);
    const section = sectionOf(match.route);
    const same = visibleNav(next).find((item) => item.screen === section);
    navigate(same?.href ?? tenantHome(next));
  };

  /** Fresh memberships after joining or leaving a tenant. */
  const refreshMe = async (): Promise<Me> => {
    const me = await api.me();
    setAuth((a) => (a.kind === "signed-in" ? { ...a, me } : a));
    return me;
  };

  const signedIn = async (result: SignInResult, method: SignInMethod) => {
    try {
      const me = await api.me();
      const offer = method === "email_code" && !result.has_passkey;
      setAuth(offer ? { kind: "passkey-prompt", me } : { kind: "signed-in", me, notice: null });
    } catch (e) {
      setAuth({ kind: "unavailable", error: e });
    }
  };

  const signOut = async () => {
    setSigningOut(true);
    setError(null);
    try {
      await api.logout();
      setAuth({ kind: "signed-out", notice: "You signed out." });
    } catch (e) {
      setError(e);
    }
    setSigningOut(false);
  };

  switch (auth.kind) {
    case "checking":
      return (
        <Shell me={null} path={path}>
          <main class="screen narrow">
            <Loading />
          </main>
        </Shell>
      );
    case "unavailable":
      return (
        <Shell me={null} path={path}>
          <main class="screen narrow" aria-labelledby="down-title">
            <h1 id="down-title">Gatehouse is unavailable</h1>
            <Alert message={messageOf(auth.error)} />
            <Button variant="primary" wide onClick={check}>
              Try again
            </Button>
          </main>
        </Shell>
      );
    case "signed-out":
      return (
        <Shell me={null} path={path}>
          <SignIn notice={auth.notice} onSignedIn={signedIn} />
        </Shell>
      );
    case "passkey-prompt":
      return (
        <Shell me={null} path={path}>
          <PasskeyPrompt
            onDone={(added) =>
              setAuth({
                kind: "signed-in",
                me: { ...auth.me, has_passkey: added || auth.me.has_passkey },
                notice: added ? "Passkey added. Next time, sign in with it." : null,
              })
            }
          />
        </Shell>
      );
    case "signed-in": {
      const tenants = memberships;
      // On a tenant's address, that tenant or (not a member) none: nothing of another one shows.
      const tenant = urlTenant ? member : fallback;
      const app: AccountContext = {
        me: auth.me,
        notice: auth.notice,
        tenant,
        tenants,
        refreshMe,
        switchTenant,
        onSignedOut: (notice) => setAuth({ kind: "signed-out", notice }),
      };
      return (
        <Shell
          me={auth.me}
          path={path}
          tenant={tenant}
          tenants={tenants}
          onSwitchTenant={switchTo}
          signingOut={signingOut}
          onSignOut={signOut}
        >
          {error ? (
            <div class="screen">
              <Alert message={messageOf(error)} />
            </div>
          ) : null}
          <Screens
            key={`${tenant?.id ?? "none"} ${path}`}
            match={match}
            upgrading={upgraded !== null}
            oldTenantAddress={tenants.length === 0 && upgradeLegacyPath(path, search, "_") !== null}
            inTenant={urlTenant !== null}
            tenant={tenant}
            app={app}
          />
        </Shell>
      );
    }
  }
}

function splitAddress(address: string): [string, string?] {
  const at = address.indexOf("?");
  return at === -1 ? [address] : [address.slice(0, at), address.slice(at)];
}

/** The tenant an address under `/t/` is for (whatever follows it). */
function tenantInPath(path: string): string | null {
  const segment = /^\/t\/([^/]+)/.exec(path)?.[1];
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
