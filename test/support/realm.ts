import { randomBytes } from "node:crypto";
import { connectAdmin } from "../../scripts/keycloak/admin.js";
import { loadSocietyConfig } from "../../realm-config/load.js";
import { applyRealm } from "../../realm-config/provision.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { repoRoot } from "../../scripts/keycloak/paths.js";
import { testKeycloak } from "./keycloak-env.js";

export function uniqueRealm(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/** The demo society's config with its own realm name, so test files never share a realm. */
export function testConfig(prefix: string, overrides: Partial<SocietyConfig> = {}): SocietyConfig {
  const base = loadSocietyConfig(`${repoRoot}/realm-config/societies/demo.yaml`);
  const kc = testKeycloak();
  return { ...base, realm: uniqueRealm(prefix), server: { url: kc.url }, ...overrides };
}

export async function testAdmin() {
  const kc = testKeycloak();
  return connectAdmin({ url: kc.url, username: kc.adminUser, password: kc.adminPassword });
}

/** A provisioned realm for one test file; `cleanup()` deletes it. */
export async function provisionTestRealm(prefix: string, overrides: Partial<SocietyConfig> = {}) {
  const config = testConfig(prefix, overrides);
  const admin = await testAdmin();
  await applyRealm(admin, config);
  return {
    config,
    admin,
    async cleanup() {
      await admin.realms.del({ realm: config.realm }).catch(() => undefined);
      admin.close();
    },
  };
}
