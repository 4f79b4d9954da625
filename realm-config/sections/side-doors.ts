import type ClientRepresentation from "@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js";
import type GroupRepresentation from "@keycloak/keycloak-admin-client/lib/defs/groupRepresentation.js";
import { MFA_ACR, MINIMUM_ACR_ATTRIBUTE } from "../flows.js";
import type { Change, RealmOnlyPayload, Section } from "../plan-types.js";

/**
 * What Keycloak puts into every realm that our config never declared and that could log a member in
 * outside our flows: its built-in clients (admin-cli allows the password grant, account-console and
 * the others keep their defaults), per-client flow overrides, and identity providers. The realm config
 * owns them: no client of a member realm allows the password grant, the implicit flow, the device grant,
 * CIBA or token exchange, or overrides our flows, every client that logs members in through the browser
 * asks for level "mfa" (step-up from any weaker SSO session), no member gets an offline token, and a
 * member realm has no identity provider.
 */

type Admin = Parameters<Section["plan"]>[0]["admin"];

const CLOSED: Pick<ClientRepresentation, "directAccessGrantsEnabled" | "implicitFlowEnabled"> = {
  directAccessGrantsEnabled: false,
  implicitFlowEnabled: false,
};

/**
 * Grants that need no browser login through our flows, switched off by a client attribute each. Keycloak
 * 26 leaves them off on the clients it creates but does not store the attribute, so an admin's checkbox
 * (or a realm import) turns one on unnoticed; the section writes "false" on every client it may edit.
 * Bearer-only clients get no token at all (Keycloak refuses every grant to them, and answers 403 to edits
 * of realm-management), so they are left as they are.
 */
export const CLOSED_GRANT_ATTRIBUTES: Readonly<Record<string, string>> = {
  "oauth2.device.authorization.grant.enabled": "OAuth 2.0 device grant",
  "oidc.ciba.grant.enabled": "CIBA",
  "standard.token.exchange.enabled": "standard token exchange",
};

/** A client a member could log in to through the browser flow (Keycloak forbids editing bearer-only realm-management). */
export function logsInThroughBrowser(client: ClientRepresentation): boolean {
  return Boolean(client.standardFlowEnabled) && !client.bearerOnly;
}

/** The grant attributes of `client` that are not "false" yet (none for a bearer-only client, see above). */
function openGrantAttributes(client: ClientRepresentation): string[] {
  if (client.bearerOnly) return [];
  return Object.keys(CLOSED_GRANT_ATTRIBUTES).filter((key) => client.attributes?.[key] !== "false");
}

/** What an update of `client` would change, one line each; empty when the client is closed already. */
export function openings(client: ClientRepresentation): string[] {
  const found: string[] = [];
  if (client.directAccessGrantsEnabled) found.push("password grant (direct access grants) on → off");
  if (client.implicitFlowEnabled) found.push("implicit flow on → off");
  const overrides = Object.entries(client.authenticationFlowBindingOverrides ?? {}).filter(([, v]) => v);
  if (overrides.length) found.push(`flow overrides ${overrides.map(([k]) => k).join(", ")} → none (the realm's flows)`);
  if (logsInThroughBrowser(client) && client.attributes?.[MINIMUM_ACR_ATTRIBUTE] !== MFA_ACR) {
    found.push(
      `minimum acr ${client.attributes?.[MINIMUM_ACR_ATTRIBUTE] || "none"} → ${MFA_ACR} (a browser login must reach a registered factor)`,
    );
  }
  for (const key of openGrantAttributes(client)) {
    found.push(`${CLOSED_GRANT_ATTRIBUTES[key]} (${key}) ${client.attributes?.[key] || "unset"} → false`);
  }
  return found;
}

/** The client as `openings` wants it: the representation to send back to Keycloak. */
export function closedClient(client: ClientRepresentation): ClientRepresentation {
  // Keycloak removes an override only when its key is sent with an empty value; an empty map keeps them.
  const cleared = Object.fromEntries(Object.keys(client.authenticationFlowBindingOverrides ?? {}).map((k) => [k, ""]));
  const attributes: Record<string, string> = { ...client.attributes };
  if (logsInThroughBrowser(client)) attributes[MINIMUM_ACR_ATTRIBUTE] = MFA_ACR;
  for (const key of openGrantAttributes(client)) attributes[key] = "false";
  return { ...client, ...CLOSED, attributes, authenticationFlowBindingOverrides: cleared };
}

function clientChanges(admin: Admin, realm: string, clients: ClientRepresentation[]): Change[] {
  return clients.flatMap((client) => {
    const details = openings(client);
    if (details.length === 0) return [];
    return [
      {
        section: "side-doors",
        action: "update" as const,
        target: `client ${client.clientId}`,
        details,
        apply: async () => {
          await admin.clients.update({ realm, id: client.id! }, closedClient(client));
        },
      },
    ];
  });
}

/**
 * Offline tokens outlive the member's session and its logout (30 days idle by Keycloak's default) and keep
 * saying acr "mfa": no member needs one. Keycloak issues them only to users holding the `offline_access`
 * realm role, which every realm's default roles include, and offers the scope to every client. A group
 * that maps the role gives it to its members (and a default group to every member created later), so no
 * group of a member realm keeps it. Users are not read one by one: `kenpo import-members` grants a member
 * the default roles only (members/keycloak-writer.ts), and an admin granting the role to one user by hand
 * is not looked for here.
 */
const OFFLINE = "offline_access";

/** Keycloak pages groups; its children endpoint returns 10 a page unless asked for more. */
const GROUP_PAGE = 100;

async function allGroups(admin: Admin, realm: string): Promise<GroupRepresentation[]> {
  const found: GroupRepresentation[] = [];
  const walk = async (list: (first: number) => Promise<GroupRepresentation[]>) => {
    for (let first = 0; ; first += GROUP_PAGE) {
      const page = await list(first);
      for (const group of page) {
        found.push(group);
        if (group.subGroupCount !== 0) {
          await walk((f) => admin.groups.listSubGroups({ realm, parentId: group.id!, first: f, max: GROUP_PAGE }));
        }
      }
      if (page.length < GROUP_PAGE) return;
    }
  };
  await walk((first) => admin.groups.find({ realm, first, max: GROUP_PAGE, briefRepresentation: true }));
  return found;
}

async function offlineGroupChanges(admin: Admin, realm: string): Promise<Change[]> {
  const changes: Change[] = [];
  for (const group of await allGroups(admin, realm)) {
    const mapped = (await admin.groups.listRealmRoleMappings({ realm, id: group.id! })).find((r) => r.name === OFFLINE);
    if (!mapped) continue;
    changes.push({
      section: "side-doors",
      action: "update",
      target: `group ${group.path ?? group.name}`,
      details: [`realm role ${OFFLINE} → removed (its members would get offline tokens)`],
      apply: async () => {
        await admin.groups.delRealmRoleMappings({ realm, id: group.id!, roles: [{ id: mapped.id!, name: OFFLINE }] });
      },
    });
  }
  return changes;
}

async function offlineAccessChanges(admin: Admin, realm: string, clients: ClientRepresentation[]): Promise<Change[]> {
  const changes: Change[] = [];
  const rep = await admin.realms.findOne({ realm });
  const defaults = rep?.defaultRole?.id
    ? await admin.roles.getCompositeRolesForRealm({ realm, id: rep.defaultRole.id })
    : [];
  const offlineRole = defaults.find((r) => r.name === OFFLINE);
  if (offlineRole && rep?.defaultRole?.id) {
    const id = rep.defaultRole.id;
    changes.push({
      section: "side-doors",
      action: "update",
      target: `default roles ${rep.defaultRole.name}`,
      details: [`${OFFLINE} → removed (no member gets an offline token)`],
      apply: async () => {
        await admin.roles.delCompositeRoles({ realm, id }, [offlineRole]);
      },
    });
  }
  // Bearer-only clients (realm-management, whose edits Keycloak forbids) never get tokens at all.
  for (const client of clients.filter((c) => !c.bearerOnly)) {
    const optional = await admin.clients.listOptionalClientScopes({ realm, id: client.id! });
    const scope = optional.find((s) => s.name === OFFLINE);
    if (!scope) continue;
    changes.push({
      section: "side-doors",
      action: "update",
      target: `client ${client.clientId}`,
      details: [`optional scope ${OFFLINE} → removed`],
      apply: async () => {
        await admin.clients.delOptionalClientScope({ realm, id: client.id!, clientScopeId: scope.id! });
      },
    });
  }
  const realmOptional = await admin.clientScopes.listDefaultOptionalClientScopes({ realm } as RealmOnlyPayload);
  const realmScope = realmOptional.find((s) => s.name === OFFLINE);
  if (realmScope) {
    changes.push({
      section: "side-doors",
      action: "update",
      target: "realm default optional scopes",
      details: [`${OFFLINE} → removed (clients created later do not get it)`],
      apply: async () => {
        await admin.clientScopes.delDefaultOptionalClientScope({ realm, id: realmScope.id! });
      },
    });
  }
  return changes;
}

async function identityProviderChanges(admin: Admin, realm: string): Promise<Change[]> {
  const providers = await admin.identityProviders.find({ realm });
  return providers.map((idp) => ({
    section: "side-doors",
    action: "delete" as const,
    target: `identity provider ${idp.alias}`,
    details: ["members log in only through the society's own flow; no identity provider is declared"],
    apply: async () => {
      await admin.identityProviders.del({ realm, alias: idp.alias! });
    },
  }));
}

async function allChanges(admin: Admin, realm: string): Promise<Change[]> {
  // Listed once: every client change below plans against this one listing.
  const clients = await admin.clients.find({ realm });
  return [
    ...clientChanges(admin, realm, clients),
    ...(await offlineAccessChanges(admin, realm, clients)),
    ...(await offlineGroupChanges(admin, realm)),
    ...(await identityProviderChanges(admin, realm)),
  ];
}

export const sideDoorsSection: Section = {
  name: "side-doors",
  async plan({ admin, config, realmExists }): Promise<Change[]> {
    if (!realmExists) {
      // Keycloak's built-in clients only exist once the realm does: close them right after.
      return [
        {
          section: "side-doors",
          action: "update",
          target: "built-in clients",
          details: [
            "password grant and implicit flow off, no flow overrides, minimum acr mfa for browser logins, on every client Keycloak creates",
            "device grant, CIBA and standard token exchange off on every client Keycloak lets us edit",
            "no offline tokens (offline_access out of the default roles, the clients' scopes and every group)",
            "no identity providers",
          ],
          apply: async () => {
            for (const change of await allChanges(admin, config.realm)) await change.apply();
          },
        },
      ];
    }
    return allChanges(admin, config.realm);
  },
};
