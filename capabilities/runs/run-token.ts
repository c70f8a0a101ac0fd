import { signPurposeToken, verifyPurposeToken } from "../../platform/signed-token";

const PURPOSE = "gatehouse/run";
export const RUN_TOKEN_DEFAULT_TTL_SECONDS = 60 * 60;
export const RUN_TOKEN_MAX_TTL_SECONDS = 24 * 60 * 60;

/**
 * A remote agent's credential: good for one run of one tenant, and nothing else, and only while
 * its generation is the run's current one (a re-issue moves the run to the next generation).
 */
export interface RunPrincipal {
  kind: "run";
  tenantId: string;
  runId: string;
  generation: number;
}

export function signRunToken(
  pepper: string,
  tenantId: string,
  runId: string,
  generation: number,
  ttlSeconds: number,
) {
  return signPurposeToken(
    pepper,
    PURPOSE,
    { sub: runId, tid: tenantId, gen: generation },
    ttlSeconds,
  );
}

export async function verifyRunToken(pepper: string, token: string): Promise<RunPrincipal | null> {
  const claims = await verifyPurposeToken(pepper, PURPOSE, token);
  if (!claims || typeof claims.tid !== "string") return null;
  // Tokens signed before generations existed are generation 1, the first one of every run.
  const generation = claims.gen === undefined ? 1 : claims.gen;
  if (typeof generation !== "number" || !Number.isSafeInteger(generation)) return null;
  return { kind: "run", tenantId: claims.tid, runId: claims.sub, generation };
}
