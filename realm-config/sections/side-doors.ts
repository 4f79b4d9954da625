import type ClientRepresentation from "@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js";
import { MFA_ACR, MINIMUM_ACR_ATTRIBUTE } from "../flows.js";
import type { Change, RealmOnlyPayload, Section } from "../plan-types.js";

/**
 * What Keycloak puts into every realm that our config never declared and that could log a member in
 * outside our flows: its built-in clients (admin-cli allows the password grant, account-console and
 * the others keep their defaults), per-client flow overrides, and identity providers. The realm config
 * owns them: no client of a member realm allows the password grant or the implicit flow or overrides
 * our flows, every client that logs members in through the browser asks for level "mfa" (step-up from
 * any weaker SSO session), no member gets an offline token, and a member realm has no identity provider.
 */

type Admin = Parameters<Section["plan"]>[0]["admin"];

const CLOSED: Pick<ClientRepresentation, "directAccessGrantsEnabled" | "implicitFlowEnabled"> = {
  directAccessGrantsEnabled: false,
  implicitFlowEnabled: false,
};

/** A client a member could log in to through the browser flow (Keycloak forbids editing bearer-only realm-management). */
export function logsInThroughBrowser(client: ClientRepresentation): boolean {
  return Boolean(client.standardFlowEnabled) && !client.bearerOnly;
}

function openings(client: ClientRepresentation): string[] {
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
  return found;
}

async function clientChanges(admin: Admin, realm: string): Promise<Change[]> {
  const clients = await admin.clients.find({ realm });
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
          // Keycloak removes an override only when its key is sent with an empty value; an empty map keeps them.
          const cleared = Object.fromEntries(
            Object.keys(client.authenticationFlowBindingOverrides ?? {}).map((k) => [k, ""]),
          );
          const attributes = logsInThroughBrowser(client)
            ? { ...client.attributes, [MINIMUM_ACR_ATTRIBUTE]: MFA_ACR }
            : client.attributes;
          await admin.clients.update(
            { realm, id: client.id! },
            { ...client, ...CLOSED, attributes, authenticationFlowBindingOverrides: cleared },
          );
        },
      },
    ];
  });
}

/**
 * Offline tokens outlive the member's session and its logout (30 days idle by Keycloak's default) and keep
 * saying acr "mfa": no member needs one. Keycloak issues them only to users holding the `offline_access`
 * realm role, which every realm's default roles include, and offers the scope to every client.
 */
const OFFLINE = "offline_access";

async function offlineAccessChanges(admin: Admin, realm: string): Promise<Change[]> {
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
  for (const client of (await admin.clients.find({ realm })).filter((c) => !c.bearerOnly)) {
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
  return [
    ...(await clientChanges(admin, realm)),
    ...(await offlineAccessChanges(admin, realm)),
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
            "no offline tokens (offline_access out of the default roles and the clients' scopes)",
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
