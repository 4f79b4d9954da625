import { desiredPortalClient } from "../desired-realm.js";
import { diffFields } from "../diff.js";
import type { Change, Section } from "../plan-types.js";

/** The society's portal(s): public OIDC clients with PKCE S256. */
export const clientsSection: Section = {
  name: "clients",
  async plan({ admin, config, realmExists }): Promise<Change[]> {
    const changes: Change[] = [];
    for (const portal of config.portalClients) {
      const desired = desiredPortalClient(portal);
      const [current] = realmExists ? await admin.clients.find({ realm: config.realm, clientId: portal.clientId }) : [];
      if (!current) {
        changes.push({
          section: "clients",
          action: "create",
          target: `client ${portal.clientId}`,
          details: [`public, PKCE S256, redirect URIs ${portal.redirectUris.join(", ")}`],
          apply: async () => {
            await admin.clients.create({ ...desired, realm: config.realm });
          },
        });
        continue;
      }
      const details = diffFields(current as Record<string, unknown>, desired as Record<string, unknown>);
      if (details.length === 0) continue;
      changes.push({
        section: "clients",
        action: "update",
        target: `client ${portal.clientId}`,
        details,
        apply: async () => {
          await admin.clients.update(
            { id: current.id!, realm: config.realm },
            { ...current, ...desired, attributes: { ...current.attributes, ...desired.attributes } },
          );
        },
      });
    }
    return changes;
  },
};
