import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type { ServerInfoRepresentation } from "@keycloak/keycloak-admin-client/lib/defs/serverInfoRepesentation.js";
import { authenticatorId, SCRIPTS } from "../authenticators/scripts.js";
import { EXIT_CODE } from "../contracts/index.js";
import { THEME_NAME } from "./desired-realm.js";

/**
 * What `kenpo provision` checks on the target Keycloak before it plans anything: a stock Keycloak
 * would otherwise accept most of the realm and fail at the flows (after writing the rest). Pure
 * over the server's own answers (serverinfo, whoami), so every refusal is testable without one.
 */

/** Keycloak majors this pack is built and tested against (package.json pins the exact version). */
export const SUPPORTED_KEYCLOAK_MAJORS = [26];

/** The admin API's rights provisioning uses on an existing realm (realm settings and flows, clients, groups). */
export const REQUIRED_REALM_ACCESS = ["manage-realm", "manage-clients", "manage-users"];

const JARS = "kenpo-authenticators.jar and kenpo-theme.jar (build/providers/)";

/** What the admin account may do, as its access token says. */
export interface AdminRights {
  /** May create realms (master's create-realm role, also part of its admin role). */
  createRealm: boolean;
  /** Its admin roles on the society's realm (manage-realm, manage-clients, ...). */
  realmAccess: string[];
}

export interface ServerFacts {
  info: ServerInfoRepresentation;
  /** Undefined when they cannot be read (see readAdminRights): not checked then. */
  rights?: AdminRights;
  realm: string;
  realmExists: boolean;
}

/** Who the CLI logged in as (connectAdmin's `account`). */
export interface AdminAccount {
  realm: string;
  username?: string;
  clientId?: string;
}

/**
 * The admin's effective roles, read through the admin API: Keycloak's admin tokens are lightweight
 * (no roles in them) and its whoami answers the admin console only. An admin of master manages
 * realm R through master's client "R-realm" and may create realms; an admin living in R itself
 * (--admin-realm R) through R's "realm-management" client. Undefined when the account may not
 * read its own roles: the apply then finds out.
 */
export async function readAdminRights(
  admin: KcAdminClient,
  account: AdminAccount,
  realm: string,
): Promise<AdminRights | undefined> {
  const inAdminRealm = { realm: account.realm };
  try {
    const id = account.clientId
      ? await serviceAccountId(admin, account.realm, account.clientId)
      : (await admin.users.find({ ...inAdminRealm, username: account.username, exact: true }))[0]?.id;
    if (!id) return undefined;
    const realmRoles = await admin.users.listCompositeRealmRoleMappings({ ...inAdminRealm, id });
    const clientId =
      account.realm === "master" ? `${realm}-realm` : account.realm === realm ? "realm-management" : undefined;
    const [client] = clientId ? await admin.clients.find({ ...inAdminRealm, clientId }) : [];
    const clientRoles = client?.id
      ? await admin.users.listCompositeClientRoleMappings({ ...inAdminRealm, id, clientUniqueId: client.id })
      : [];
    return {
      createRealm: account.realm === "master" && realmRoles.some((r) => r.name === "create-realm"),
      realmAccess: clientRoles.map((r) => r.name ?? ""),
    };
  } catch (error) {
    if ((error as { response?: { status?: number } }).response?.status === 403) return undefined;
    throw error;
  }
}

async function serviceAccountId(admin: KcAdminClient, realm: string, clientId: string): Promise<string | undefined> {
  const [client] = await admin.clients.find({ realm, clientId });
  return client?.id ? (await admin.clients.getServiceAccountUser({ realm, id: client.id })).id : undefined;
}

export interface Unfit {
  /** What is wrong, as found. */
  problem: string;
  /** The one thing the operator does about it. */
  fix: string;
}

function versionCheck(info: ServerInfoRepresentation): Unfit | undefined {
  // Keycloak tells its version only to admins of master's whole server; another admin's check goes on without it.
  const version = info.systemInfo?.version;
  if (version === undefined) return undefined;
  const major = Number(/^(\d+)\./.exec(version)?.[1]);
  if (SUPPORTED_KEYCLOAK_MAJORS.includes(major)) return undefined;
  return {
    problem: `Keycloak ${version} is not supported`,
    fix: `run Keycloak ${SUPPORTED_KEYCLOAK_MAJORS.map((m) => `${m}.x`).join(" or ")}`,
  };
}

function scriptsFeatureOn(info: ServerInfoRepresentation): boolean {
  const feature = info.features?.find((f) => f.name.toUpperCase() === "SCRIPTS");
  if (feature) return feature.enabled;
  // Older answers list only the disabled features.
  return !(info.profileInfo?.disabledFeatures ?? []).some((f) => f.toUpperCase() === "SCRIPTS");
}

function providerChecks(info: ServerInfoRepresentation): Unfit[] {
  const unfit: Unfit[] = [];
  // The script authenticators exist only with the feature on: name the feature, not the JAR, then.
  if (!scriptsFeatureOn(info)) {
    unfit.push({
      problem: "the scripts feature is off, so Keycloak does not load our authenticators",
      fix: "start Keycloak with --features=scripts (or KC_FEATURES=scripts) and build it again",
    });
  } else {
    const authenticators = info.providers?.authenticator?.providers ?? {};
    const missing = SCRIPTS.map(authenticatorId).filter((id) => !(id in authenticators));
    if (missing.length > 0)
      unfit.push({
        problem: `our authenticators are missing (${missing.join(", ")})`,
        fix: `copy ${JARS} into Keycloak's providers/ and build it again (kc.sh build)`,
      });
  }
  if (!(info.themes?.login ?? []).some((t) => t.name === THEME_NAME))
    unfit.push({
      problem: `the login theme "${THEME_NAME}" is missing`,
      fix: `copy ${JARS} into Keycloak's providers/ and build it again (kc.sh build)`,
    });
  return unfit;
}

function rightsCheck(facts: ServerFacts): Unfit | undefined {
  const { rights } = facts;
  if (!rights) return undefined;
  if (!facts.realmExists) {
    if (rights.createRealm) return undefined;
    return {
      problem: `the admin account may not create realms (realm ${facts.realm} does not exist yet)`,
      fix: "use an admin of the master realm with its create-realm (or admin) role",
    };
  }
  const lacking = REQUIRED_REALM_ACCESS.filter((right) => !rights.realmAccess.includes(right));
  if (lacking.length === 0) return undefined;
  return {
    problem: `the admin account lacks ${lacking.join(", ")} on realm ${facts.realm}`,
    fix: `give the admin realm ${facts.realm}'s realm-admin role (master's admin role, or client ${facts.realm}-realm's realm-admin in master)`,
  };
}

/** Every problem, each with its fix; none for a fit server. A duplicate fix (both JARs missing) is named once. */
export function checkServer(facts: ServerFacts): Unfit[] {
  const found = [versionCheck(facts.info), ...providerChecks(facts.info), rightsCheck(facts)].filter(
    (u): u is Unfit => u !== undefined,
  );
  return found.filter((u, i) => found.findIndex((o) => o.fix === u.fix) === i);
}

export class UnfitServer extends Error {
  readonly exitCode = EXIT_CODE.unfitServer;
}

export function unfitMessage(url: string, unfit: Unfit[]): string {
  return [
    `Keycloak at ${url} cannot take this realm; nothing was planned or written:`,
    ...unfit.map((u) => `  - ${u.problem}: ${u.fix}`),
  ].join("\n");
}

/** Reads the server's facts and throws UnfitServer naming what to fix; returns when the server is fit. */
export async function assertServerFit(admin: KcAdminClient, realm: string, account: AdminAccount): Promise<void> {
  const info = await admin.serverInfo.find().catch((error: unknown) => {
    if ((error as { response?: { status?: number } }).response?.status !== 403) throw error;
    const who = account.clientId ? `the service account of client ${account.clientId}` : account.username;
    throw new UnfitServer(
      unfitMessage(admin.baseUrl, [
        {
          problem: `${who} (realm ${account.realm}) has no admin rights`,
          fix: "use an admin of the master realm with its admin role",
        },
      ]),
    );
  });
  const rights = await readAdminRights(admin, account, realm);
  const realmExists = Boolean((await admin.realms.findOne({ realm }))?.realm);
  const unfit = checkServer({ info, rights, realm, realmExists });
  if (unfit.length > 0) throw new UnfitServer(unfitMessage(admin.baseUrl, unfit));
}
