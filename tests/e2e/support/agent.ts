import type { BrowserContext } from "playwright-core";

/**
 * What a remote agent does against the API, from the test process: the run is opened with the
 * browser's session cookie (and its Origin, as the console would), steps are proposed with the
 * run token alone (`Authorization: Bearer`, no Origin), as an agent on a server would.
 */
export interface OpenedRun {
  runId: string;
  runToken: string;
}

export interface ProposedStep {
  step_id: string;
  seq: number;
  tool: string;
  verdict: string;
  rule_id: string | null;
  reason: string;
  status: string;
  approval_id: string | null;
}

export async function openRun(
  context: BrowserContext,
  baseUrl: string,
  tenantId: string,
  agent: string,
): Promise<OpenedRun> {
  const response = await context.request.post(`${baseUrl}/api/tenants/${tenantId}/runs`, {
    data: { agent, metadata: { environment: "test" } },
    headers: { origin: baseUrl },
  });
  if (response.status() !== 201) {
    throw new Error(`opening a run answered ${response.status()}: ${await response.text()}`);
  }
  const body = (await response.json()) as { run: { id: string }; run_token: string };
  return { runId: body.run.id, runToken: body.run_token };
}

export async function proposeStep(
  baseUrl: string,
  tenantId: string,
  run: OpenedRun,
  step: { tool: string; args: Record<string, unknown>; idempotency_key: string },
): Promise<ProposedStep> {
  const response = await fetch(`${baseUrl}/api/tenants/${tenantId}/runs/${run.runId}/steps`, {
    method: "POST",
    headers: { authorization: `Bearer ${run.runToken}`, "content-type": "application/json" },
    body: JSON.stringify(step),
  });
  if (response.status !== 200) {
    throw new Error(`proposing ${step.tool} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as ProposedStep;
}

export async function readStep(
  baseUrl: string,
  tenantId: string,
  run: OpenedRun,
  stepId: string,
): Promise<ProposedStep> {
  const response = await fetch(
    `${baseUrl}/api/tenants/${tenantId}/runs/${run.runId}/steps/${stepId}`,
    { headers: { authorization: `Bearer ${run.runToken}` } },
  );
  if (response.status !== 200) throw new Error(`reading the step answered ${response.status}`);
  return (await response.json()) as ProposedStep;
}
