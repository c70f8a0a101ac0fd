import { useResource } from "./hooks";
import type { TenantApi } from "./tenant-api";

/**
 * Member emails by user id, so "user:<id>" actors read as people. A failure leaves the map
 * empty: names are a nicety and must never hide the data they label.
 */
export function useMemberEmails(api: TenantApi): ReadonlyMap<string, string> {
  const [members] = useResource(() =>
    api.members().then(
      (r) => new Map(r.members.map((m) => [m.user_id, m.email])),
      () => new Map<string, string>(),
    ),
  );
  return members.state === "ready" ? members.data : new Map();
}
