export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  created_at: string;
}

export async function readOutbox(baseUrl: string): Promise<OutboxMail[]> {
  const response = await fetch(`${baseUrl}/dev/outbox`, {
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`/dev/outbox answered ${response.status}`);
  return (await response.json()) as OutboxMail[];
}

/** Ids already in the outbox, so a later wait only accepts mail sent after this point. */
export async function outboxIds(baseUrl: string): Promise<Set<string>> {
  return new Set((await readOutbox(baseUrl)).map((m) => m.id));
}

/** Waits for a new message to `to` whose subject matches, newest first. */
export async function waitForMail(
  baseUrl: string,
  to: string,
  subject: RegExp,
  seen: Set<string>,
  timeoutMs = 15_000,
): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = (await readOutbox(baseUrl)).find(
      (m) => !seen.has(m.id) && m.to.toLowerCase() === to.toLowerCase() && subject.test(m.subject),
    );
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`No new mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits for the next sign-in code email and returns the 6 digits. */
export async function waitForCode(baseUrl: string, to: string, seen: Set<string>): Promise<string> {
  const mail = await waitForMail(baseUrl, to, /^Your Gatehouse code: \d{6}$/, seen);
  const code = /(\d{6})$/.exec(mail.subject)?.[1];
  if (!code) throw new Error(`No code in subject ${mail.subject}`);
  return code;
}
