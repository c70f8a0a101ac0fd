import { clock } from "../clock";
import { Resend } from "resend";
import type { Config } from "../config";
import { database } from "../db/client";
import { devOutbox } from "../db/schema";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Makes a retried send a no-op at the provider. */
  idempotencyKey: string;
}

export type SendResult =
  { ok: true; id: string } | { ok: false; error: string; retryable: boolean };

export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendResult>;
}

function resendTransport(config: Config, apiKey: string): MailTransport {
  const resend = new Resend(apiKey, { baseUrl: config.resendBaseUrl });
  return {
    async send(mail) {
      const { data, error } = await resend.emails.send(
        {
          from: config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        },
        { idempotencyKey: mail.idempotencyKey },
      );
      if (data) return { ok: true, id: data.id };
      const status = error && "statusCode" in error ? (error.statusCode as number | null) : null;
      return {
        ok: false,
        error: `${error?.name ?? "unknown_error"}${status ? ` (${status})` : ""}`,
        retryable: status === null || status === 429 || status >= 500,
      };
    },
  };
}

/** Development mail: kept in D1 for /dev/outbox and announced on the console. */
function devOutboxTransport(db: D1Database): MailTransport {
  return {
    async send(mail) {
      const id = crypto.randomUUID();
      await database(db).insert(devOutbox).values({
        id,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        createdAt: clock.now(),
      });
      console.log(`[dev outbox] to ${mail.to}: ${mail.subject}  (see /dev/outbox)`);
      return { ok: true, id };
    },
  };
}

export function mailTransport(config: Config, db: D1Database): MailTransport {
  if (config.resendApiKey) return resendTransport(config, config.resendApiKey);
  // loadConfig refuses production without a key, so this is development only.
  return devOutboxTransport(db);
}
