import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback that keeps what Keycloak sends: the test mailbox, and the dev
 * mail catcher behind `npm start` (members' email codes and links show up in the terminal).
 */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** http(s) links found in the mail, in order. */
  links: string[];
  /** The email check's code, when the mail carries one (our template writes it after a colon). */
  code?: string;
}

export interface Mailbox {
  port: number;
  mails: ReceivedMail[];
  waitForMail(to: string, predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function toReceived(parsed: ParsedMail): ReceivedMail {
  const addresses = (field: ParsedMail["to"]) =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) =>
      a.value.map((v) => (v.address ?? "").toLowerCase()),
    );
  const text = parsed.text ?? "";
  const html = typeof parsed.html === "string" ? parsed.html : "";
  const links = [
    ...new Set([...`${text}\n${html}`.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0].replace(/&amp;/g, "&"))),
  ];
  const code = /(?:確認コード|Confirmation code): (\d{6})\b/.exec(text)?.[1];
  return {
    to: addresses(parsed.to),
    from: parsed.from?.text ?? "",
    subject: parsed.subject ?? "",
    text,
    html,
    links,
    ...(code ? { code } : {}),
  };
}

/** The society config's `smtp` that sends to this mailbox (tests, benchmarks). */
export function mailboxSmtp(mailbox: Pick<Mailbox, "port">) {
  return { host: "127.0.0.1", port: mailbox.port, from: "no-reply@kenpo.test", ssl: false, starttls: false };
}

export async function startMailbox(
  options: { port?: number; onMail?: (mail: ReceivedMail) => void } = {},
): Promise<Mailbox> {
  const mails: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail = toReceived(parsed);
          mails.push(mail);
          options.onMail?.(mail);
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    port,
    mails,
    async waitForMail(to, predicate = () => true, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find((m) => m.to.includes(to.toLowerCase()) && predicate(m));
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no mail to ${to} within ${timeoutMs} ms (got ${mails.length} other mail(s))`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 1000));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
