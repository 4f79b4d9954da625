import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type { SocietyConfig } from "./schema.js";

/** One difference between the realm as it is and as the config declares it. */
export interface Change {
  /** Which part of the realm, e.g. "realm", "user-profile", "flows". */
  section: string;
  action: "create" | "update" | "delete";
  /** What is changed, readable by an admin: "client portal", "required action CONFIGURE_TOTP". */
  target: string;
  /** Field-level detail for the dry-run, e.g. "otpPolicyDigits: 8 → 6". */
  details: string[];
  apply: () => Promise<void>;
}

/**
 * The payload of the admin client's realm-only calls (getRequiredActions and the like), which it
 * types as `void & { realm?: string }`: no object literal is assignable to that, so `{ realm }`
 * needs an assertion, and one to this type still checks the key and its type.
 */
export type RealmOnlyPayload = NonNullable<
  Parameters<KcAdminClient["authenticationManagement"]["getRequiredActions"]>[0]
>;

export interface ProvisionContext {
  admin: KcAdminClient;
  config: SocietyConfig;
  /** False while the realm does not exist yet: sections then plan everything as "create". */
  realmExists: boolean;
}

/**
 * A section reads the current state of its part of the realm and returns the changes that make it
 * match the config. Planning must not write; an up-to-date realm yields no changes.
 */
export interface Section {
  name: string;
  plan(ctx: ProvisionContext): Promise<Change[]>;
}
