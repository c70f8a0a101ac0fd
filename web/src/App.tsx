import { useEffect, useState } from "hono/jsx/dom";
import { api, ApiError, messageOf, setUnauthenticatedListener } from "./api";
import type { Me, SignInMethod, SignInResult } from "./api";
import { Shell } from "./components/Shell";
import { Alert, Button, Loading } from "./components/ui";
import { parseRoute, SCREEN_TITLES } from "./routes";
import { usePath } from "./router";
import { PasskeyPrompt } from "./screens/PasskeyPrompt";
import { Screens } from "./Screens";
import { SignIn } from "./screens/SignIn";
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
  const [tenantId, setTenantId] = useState<string | null>(
    // An approval notice's link names its tenant; otherwise the one chosen last time.
    () => new URLSearchParams(location.search).get("tenant") ?? rememberedTenant(),
  );
  const path = usePath();
  const route = parseRoute(path, location.search);

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
      "signed-in": `${SCREEN_TITLES[route.screen]} · Gatehouse`,
    };
    document.title = titles[auth.kind];
  }, [auth.kind, route.screen]);

  const switchTenant = (id: string) => {
    rememberTenant(id);
    setTenantId(id);
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
      const tenants = scopesOf(auth.me);
      const tenant = chooseTenant(tenants, tenantId);
      return (
        <Shell
          me={auth.me}
          path={path}
          tenant={tenant}
          tenants={tenants}
          onSwitchTenant={switchTenant}
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
            route={route}
            me={auth.me}
            tenant={tenant}
            tenants={tenants}
            notice={auth.notice}
            refreshMe={refreshMe}
            switchTenant={switchTenant}
            onSignedOut={(notice) => setAuth({ kind: "signed-out", notice })}
          />
        </Shell>
      );
    }
  }
}
