import { startPortal, type RunningPortal } from "../portal/serve.js";
import { applyRealm } from "../realm-config/provision.js";
import type { SocietyConfig } from "../realm-config/schema.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importRegister } from "../members/import-register.js";
import { importReport } from "../members/import-report.js";
import { initialPassword } from "../rules/initial-password.js";
import { memberFacingUrl } from "../runtime/keycloak/member-url.js";
import { testKeycloak } from "./keycloak-env.js";
import { startMailbox, type Mailbox } from "../runtime/mail/mailbox.js";
import { testAdmin, testConfig } from "./realm.js";

/**
 * Everything one end-to-end test file needs around Keycloak: its own realm (the demo society's
 * config), the demo portal on a free port registered as the realm's client, and a real SMTP
 * mailbox the realm sends to.
 */
export interface BrowserRealm {
  config: SocietyConfig;
  admin: Awaited<ReturnType<typeof testAdmin>>;
  portal: RunningPortal;
  mailbox: Mailbox;
  clientId: string;
  /** Keycloak as the browser reaches it: by name, since WebAuthn refuses IP addresses as relying party IDs. */
  keycloakUrl: string;
  cleanup(): Promise<void>;
}

export async function provisionBrowserRealm(
  prefix: string,
  policies: Partial<SocietyConfig["policies"]> = {},
): Promise<BrowserRealm> {
  const base = testConfig(prefix);
  const client = base.portalClients[0]!;
  const mailbox = await startMailbox();
  const keycloakUrl = memberFacingUrl(testKeycloak().url);
  const portal = await startPortal({ port: 0, keycloakUrl, realm: base.realm, clientId: client.clientId });
  const origin = new URL(portal.url).origin;
  const config: SocietyConfig = {
    ...base,
    portalUrl: portal.url,
    portalClients: [
      {
        ...client,
        rootUrl: portal.url,
        redirectUris: [`${origin}/*`],
        webOrigins: [origin],
        postLogoutRedirectUris: [`${origin}/*`],
      },
    ],
    smtp: {
      ...(base.smtp ?? { from: "no-reply@kenpo-test.example", ssl: false, starttls: false }),
      host: "127.0.0.1",
      port: mailbox.port,
    },
    policies: { ...base.policies, ...policies },
  };
  const admin = await testAdmin();
  await applyRealm(admin, config);
  return {
    config,
    admin,
    portal,
    mailbox,
    clientId: client.clientId,
    keycloakUrl,
    async cleanup() {
      await admin.realms.del({ realm: config.realm }).catch(() => undefined);
      admin.close();
      await portal.close();
      await mailbox.close();
    },
  };
}

/** A member as the insurance society's register lists them. */
export interface TestMember {
  userId: string;
  symbol: string;
  number: string;
  /** YYYY-MM-DD */
  birthdate: string;
  lastName: string;
  firstName: string;
  email: string;
}

/** 記号＋番号＋生年月日, by the one rule the import uses. */
export function initialPasswordOf(member: TestMember): string {
  return initialPassword(member);
}

let serial = 0;
/** A member with a unique user ID and card numbers. */
export function newTestMember(overrides: Partial<TestMember> = {}): TestMember {
  serial += 1;
  const n = (Date.now() % 100_000) * 10 + serial;
  return {
    userId: `member${n}`,
    symbol: String(10 + (n % 80)),
    number: String(3_000_000 + (n % 1_000_000)).padStart(7, "0"),
    birthdate: `1980-12-${String(1 + (n % 28)).padStart(2, "0")}`,
    lastName: "山田",
    firstName: "太郎",
    email: `member${n}@example.test`,
    ...overrides,
  };
}

/**
 * Creates members with the real import: a CSV member register in the documented columns, imported
 * by the use-case `kenpo import-members` runs (validation, initial password, hashing, batched write)
 * into this realm.
 */
export async function importMembers(realm: BrowserRealm, members: TestMember[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kenpo-e2e-import-"));
  try {
    const register = join(dir, "members.csv");
    const rows = members.map((m) =>
      [m.userId, m.symbol, m.number, "", m.birthdate, m.lastName, m.firstName, m.email].join(","),
    );
    writeFileSync(register, `${["ユーザID,記号,番号,枝番,生年月日,姓,名,メールアドレス", ...rows].join("\n")}\n`);
    // The suite goes on using its admin connection: nothing to close.
    const outcome = await importRegister(
      register,
      {},
      { connect: () => ({ admin: realm.admin, realm: realm.config.realm }) },
    );
    const created = outcome.kind === "imported" ? outcome.report.created : 0;
    if (created !== members.length) {
      const { stdout, stderr } = importReport(outcome, { file: register, json: false });
      throw new Error(`import created ${created} of ${members.length} members:\n${stdout}${stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
