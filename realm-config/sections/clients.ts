import type ClientRepresentation from "@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js";
import { CLIENT_ATTRIBUTE } from "../../contracts/index.js";
import {
  AUDIENCE_MAPPER,
  clientSecret,
  describePortalClient,
  desiredAudienceMapper,
  desiredPortalClient,
} from "../desired-realm.js";
import { diffFields } from "../diff.js";
import type { Change, Section } from "../plan-types.js";
import { BUILT_IN_CLIENT_IDS, type PortalClientConfig } from "../schema.js";

type Admin = Parameters<Section["plan"]>[0]["admin"];

/** The audience mapper's change for an existing client: added when missing, its config put back when edited. */
function audienceChange(admin: Admin, realm: string, current: ClientRepresentation): Change | undefined {
  const want = desiredAudienceMapper(current.clientId!);
  const have = current.protocolMappers?.find((m) => m.name === AUDIENCE_MAPPER);
  const details = have
    ? diffFields(have as Record<string, unknown>, want as Record<string, unknown>).map((d) => `audience mapper ${d}`)
    : [`audience mapper → access tokens' aud names ${current.clientId}`];
  if (details.length === 0) return undefined;
  return {
    section: "clients",
    action: "update",
    target: `client ${current.clientId}`,
    details,
    apply: async () => {
      if (have) {
        await admin.clients.updateProtocolMapper(
          { realm, id: current.id!, mapperId: have.id! },
          { ...have, ...want, config: { ...have.config, ...want.config } },
        );
      } else await admin.clients.addProtocolMapper({ realm, id: current.id! }, want);
    },
  };
}

function portalChanges(admin: Admin, realm: string, portal: PortalClientConfig, current?: ClientRepresentation) {
  const desired = desiredPortalClient(portal, clientSecret(portal));
  if (!current) {
    return [
      {
        section: "clients",
        action: "create" as const,
        target: `client ${portal.clientId}`,
        details: [describePortalClient(portal)],
        apply: async () => {
          await admin.clients.create({ ...desired, realm, protocolMappers: [desiredAudienceMapper(portal.clientId)] });
        },
      },
    ];
  }
  const changes: Change[] = [];
  // The secret is compared but never shown: the plan says only that it changes.
  const details = diffFields(current as Record<string, unknown>, desired as Record<string, unknown>, ["secret"]);
  if (details.length > 0) {
    changes.push({
      section: "clients",
      action: "update",
      target: `client ${portal.clientId}`,
      details,
      apply: async () => {
        await admin.clients.update(
          { id: current.id!, realm },
          { ...current, ...desired, attributes: { ...current.attributes, ...desired.attributes } },
        );
      },
    });
  }
  const audience = audienceChange(admin, realm, current);
  if (audience) changes.push(audience);
  return changes;
}

/**
 * Clients the society file once declared (CLIENT_ATTRIBUTE.managed) and no longer lists. Keycloak's own clients
 * and clients made by hand carry no mark and are never removed.
 */
function removals(admin: Admin, realm: string, listed: Set<string>, clients: ClientRepresentation[]): Change[] {
  return clients
    .filter(
      (c) =>
        c.attributes?.[CLIENT_ATTRIBUTE.managed] === "true" &&
        !listed.has(c.clientId!) &&
        !(BUILT_IN_CLIENT_IDS as readonly string[]).includes(c.clientId!),
    )
    .map((c) => ({
      section: "clients",
      action: "delete" as const,
      target: `client ${c.clientId}`,
      details: ["no longer in portalClients: its members' sessions in it end, its tokens stop working"],
      apply: async () => {
        await admin.clients.del({ realm, id: c.id! });
      },
    }));
}

/** The society's apps: OIDC clients with PKCE S256, public or confidential, each named in its access tokens. */
export const clientsSection: Section = {
  name: "clients",
  async plan({ admin, config, realmExists }): Promise<Change[]> {
    // Listed once: every change below plans against this one listing.
    const clients = realmExists ? await admin.clients.find({ realm: config.realm }) : [];
    const byId = new Map(clients.map((c) => [c.clientId!, c]));
    const listed = new Set(config.portalClients.map((p) => p.clientId));
    return [
      ...config.portalClients.flatMap((portal) =>
        portalChanges(admin, config.realm, portal, byId.get(portal.clientId)),
      ),
      ...removals(admin, config.realm, listed, clients),
    ];
  },
};
