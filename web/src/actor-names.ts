import { useResource } from "./hooks";
import type { Actor } from "./tenant-api";
import type { Workspace } from "./workspace";

/** People's emails and API tokens' names by id, to show actors by name (id on demand). */
export interface ActorNames {
  emails: ReadonlyMap<string, string>;
  tokens: ReadonlyMap<string, string>;
  /** Recent runs' agent names, for actors that are a run's agent. */
  agents: ReadonlyMap<string, string>;
}

const EMPTY: ActorNames = { emails: new Map(), tokens: new Map(), agents: new Map() };

/**
 * Loads what the role may read (members always; tokens when allowed). A failure leaves the maps
 * empty: names are a nicety and must never hide the data they label.
 */
export function useActorNames(ws: Workspace): ActorNames {
  const [names] = useResource(async () => {
    const [members, tokens, agents] = await Promise.all([
      ws.api.members().then(
        (r) => new Map(r.members.map((m) => [m.user_id, m.email])),
        () => new Map<string, string>(),
      ),
      ws.can("tokens.read")
        ? ws.api.tokens().then(
            (r) => new Map(r.tokens.map((t) => [t.id, t.name])),
            () => new Map<string, string>(),
          )
        : Promise.resolve(new Map<string, string>()),
      ws.can("runs.read")
        ? ws.api.runs(null, 100).then(
            (r) => new Map(r.runs.map((run) => [run.id, run.agent])),
            () => new Map<string, string>(),
          )
        : Promise.resolve(new Map<string, string>()),
    ]);
    return { emails: members, tokens, agents };
  });
  return names.state === "ready" ? names.data : EMPTY;
}

/** "ana@example.com", "token “deploy bot”", "Gatehouse"; falls back to the kind and a short id. */
export function actorName(
  actor: { kind: Actor["kind"] | (string & {}); id: string; email?: string },
  names: ActorNames,
): string {
  if (actor.kind === "user")
    return actor.email ?? names.emails.get(actor.id) ?? `a former member (${actor.id.slice(0, 8)})`;
  if (actor.kind === "token") {
    const name = names.tokens.get(actor.id);
    return name ? `token “${name}”` : `an API token (${actor.id.slice(0, 8)})`;
  }
  if (actor.kind === "system") return "Gatehouse";
  if (actor.kind === "agent") {
    const agent = names.agents.get(actor.id);
    return agent ? `agent “${agent}”` : `the agent of run ${actor.id.slice(0, 12)}`;
  }
  return `${actor.kind} ${actor.id.slice(0, 12)}`;
}
