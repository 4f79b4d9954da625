import { createHash } from "node:crypto";
import { FORM_FIELD, PAGE } from "../contracts/index.js";
import { TOTP, Secret } from "otpauth";
import { withInitialPassword } from "../members/import-register.js";
import { writeMembers, type ImportMember } from "../members/keycloak-writer.js";
import {
  authorizationRequest,
  exchangeCode,
  expectPage,
  HttpBrowser,
  isPage,
  pageId,
  summarize,
  type AuthorizationRequest,
  type Page,
} from "./http-login.js";
import type { Mailbox } from "../runtime/mail/mailbox.js";
import type { provisionTestRealm } from "./realm.js";

/** Helpers to walk the member journey over HTTP, page by page, asserting which page comes next. */

export type TestRealm = Awaited<ReturnType<typeof provisionTestRealm>>;

/** A card number of its own for each user ID: the import matches members by card, so two test members never share one. */
function cardNumberFor(userId: string): string {
  return String((parseInt(createHash("sha256").update(userId).digest("hex").slice(0, 8), 16) % 9_000_000) + 1_000_000);
}

export function cardMember(userId: string, overrides: Partial<ImportMember> = {}): ImportMember {
  const base = {
    line: 2,
    userId,
    symbol: "12",
    number: cardNumberFor(userId),
    birthdate: "1980-12-01",
    lastName: "山田",
    firstName: "太郎",
    email: `${userId}@example.test`,
  };
  return withInitialPassword({ ...base, ...overrides });
}

export async function importMember(realm: TestRealm, member: ImportMember): Promise<void> {
  await writeMembers([member], { admin: realm.admin, realm: realm.config.realm });
}

export class Journey {
  readonly request: AuthorizationRequest;
  page!: Page;
  tokens?: Awaited<ReturnType<typeof exchangeCode>>;

  /**
   * `extra` adds authorization parameters, e.g. `{ kc_action: "CONFIGURE_TOTP" }` for a portal's "add a device";
   * passing another journey's `browser` continues in its Keycloak session (SSO cookies).
   */
  constructor(
    readonly realm: TestRealm,
    extra: Record<string, string> = {},
    readonly browser = new HttpBrowser(),
    client: { clientId: string; redirectUri: string } = {
      clientId: realm.config.portalClients[0]!.clientId,
      redirectUri: "http://localhost:5173/callback",
    },
  ) {
    this.request = authorizationRequest(
      realm.config.server.url,
      realm.config.realm,
      client.clientId,
      client.redirectUri,
      extra,
    );
  }

  async open(): Promise<this> {
    this.page = expectPage(await this.browser.navigate(this.request.authUrl), "the login page");
    return this;
  }

  /** Posts fields on the current page and expects the given page next (or the portal when "portal"). */
  async post(fields: Record<string, string>, next: string): Promise<this> {
    const result = await this.browser.submit(this.page, fields, { stopAt: this.request.redirectUri });
    return this.arrive(result, next);
  }

  async follow(url: string, next: string): Promise<this> {
    return this.arrive(await this.browser.navigate(url, {}, this.request.redirectUri), next);
  }

  private async arrive(result: Page | { redirectedTo: string }, next: string): Promise<this> {
    if (next === "portal") {
      if (isPage(result)) throw new Error(`expected the portal, got:\n${summarize(result)}`);
      this.tokens = await exchangeCode(
        { ...this.request, tokenUrl: this.browser.routed(this.request.tokenUrl) },
        result.redirectedTo,
      );
      return this;
    }
    if (!isPage(result)) throw new Error(`expected ${next}, but was redirected to ${result.redirectedTo}`);
    this.page = result;
    if (pageId(result) !== next) throw new Error(`expected ${next}, got:\n${summarize(result)}`);
    return this;
  }

  /**
   * From now on every request that would go to `from` (a node's base URL) goes to `to`: the member
   * continues the same login on another node of a cluster with the same cookies and links.
   */
  reroute(from: string, to: string): this {
    this.browser.routes.set(new URL(from).origin, new URL(to).origin);
    return this;
  }

  get pageId(): string {
    return pageId(this.page);
  }

  fieldError(field: string): string {
    return this.page.kcContext?.messagesPerField?.get(field) ?? "";
  }

  get message(): string {
    return this.page.kcContext?.message?.summary ?? "";
  }
}

/** A new member imported and walked from ② through ③ and ④: the journey stands at ⑤. */
export async function atMethodChoice(realm: TestRealm, member: ImportMember): Promise<Journey> {
  await importMember(realm, member);
  const j = await (
    await new Journey(realm).open()
  ).post({ username: member.userId, password: member.initialPassword }, PAGE.birthdate);
  await j.post({ [FORM_FIELD.birthdate]: member.birthdate.replace(/-/g, "") }, PAGE.terms);
  return j.post({ [FORM_FIELD.accept]: "同意する" }, PAGE.methodChoice);
}

/** The OTP set-up page's secret, and codes from it as an authenticator app computes them. */
export function totpFromPage(page: Page): { secret: string; totp: TOTP } {
  const totp = page.kcContext?.totp as { totpSecret: string; totpSecretEncoded: string } | undefined;
  if (!totp) throw new Error(`no OTP secret on ${summarize(page)}`);
  return {
    secret: totp.totpSecret,
    totp: new TOTP({
      secret: Secret.fromBase32(totp.totpSecretEncoded.replace(/\s+/g, "")),
      digits: 6,
      period: 30,
      algorithm: "SHA1",
    }),
  };
}

/** Codes are single-use: wait for the next 30-second window when the current one was used. */
export async function freshCode(totp: TOTP, used: Set<string>): Promise<string> {
  for (;;) {
    const code = totp.generate();
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * The email check's code from the nth code mail to `email` (1: the first; a resend makes the next
 * one): what the member reads in the mailbox and types on the page.
 */
export async function mailedCode(mailbox: Mailbox, email: string, nth = 1): Promise<string> {
  const codeMails = () => mailbox.mails.filter((m) => m.code && m.to.includes(email.toLowerCase()));
  const mail = await mailbox.waitForMail(email, (m) => codeMails().indexOf(m) === nth - 1);
  return mail.code!;
}

/** ⑤ done: the code mailed for the email check, typed in, leads to `next` (the new password, usually). */
export async function passEmailCheck(j: Journey, mailbox: Mailbox, email: string, next: string): Promise<Journey> {
  if (j.pageId !== PAGE.emailCode) throw new Error(`expected the email check, got:\n${summarize(j.page)}`);
  return j.post({ [FORM_FIELD.emailCode]: await mailedCode(mailbox, email) }, next);
}
