import { randomBytes } from "node:crypto";
import { connectAdmin } from "../runtime/keycloak/admin.js";
import { loadSocietyConfig } from "../realm-config/load.js";
import { applyRealm } from "../realm-config/provision.js";
import type { SocietyConfig } from "../realm-config/schema.js";
import { repoRoot } from "../runtime/keycloak/paths.js";
import { mailboxSmtp, startMailbox } from "../runtime/mail/mailbox.js";
import { testKeycloak, type TestKeycloak } from "./keycloak-env.js";

export function uniqueRealm(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/** The demo society's config with its own realm name, so test files never share a realm. */
export function testConfig(
  prefix: string,
  overrides: Partial<SocietyConfig> = {},
  kc: TestKeycloak = testKeycloak(),
): SocietyConfig {
  const base = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
  return { ...base, realm: uniqueRealm(prefix), server: { url: kc.url }, ...overrides };
}

/** `kc` defaults to the run's test Keycloak; the cluster tests pass one of their nodes. */
export async function testAdmin(kc: TestKeycloak = testKeycloak()) {
  return connectAdmin({ url: kc.url, username: kc.adminUser, password: kc.adminPassword });
}

/** A provisioned realm for one test file; `cleanup()` deletes it. */
export async function provisionTestRealm(
  prefix: string,
  overrides: Partial<SocietyConfig> = {},
  kc: TestKeycloak = testKeycloak(),
) {
  // Members' mails (the email check's code) go to a real SMTP server of the realm's own, unless the
  // test brings its mailbox.
  const mailbox = overrides.smtp ? undefined : await startMailbox();
  const smtp = mailbox ? { smtp: mailboxSmtp(mailbox) } : {};
  const config = testConfig(prefix, { ...smtp, ...overrides }, kc);
  const admin = await testAdmin(kc);
  await applyRealm(admin, config);
  return {
    config,
    admin,
    mailbox,
    async cleanup() {
      await admin.realms.del({ realm: config.realm }).catch(() => undefined);
      admin.close();
      await mailbox?.close();
    },
  };
}
