import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { startPortal } from "../../portal/serve.js";

/** Demo members and the demo portal, started beside Keycloak by `npm start`. */
export async function startDemoExtras(ctx: { admin: KcAdminClient; config: SocietyConfig; keycloakUrl: string }): Promise<{
  portalUrl?: string;
  credentials: string[];
  close(): Promise<void>;
}> {
  const portal = await startPortal({
    port: Number(new URL(ctx.config.portalUrl).port || 80),
    keycloakUrl: ctx.keycloakUrl,
    realm: ctx.config.realm,
    clientId: ctx.config.portalClients[0]!.clientId,
  });
  return { portalUrl: portal.url, credentials: [], close: () => portal.close() };
}
