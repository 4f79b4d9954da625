import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type { SocietyConfig } from "../../realm-config/schema.js";

/** Demo members and the demo portal, started beside Keycloak by `npm start`. */
export async function startDemoExtras(_ctx: { admin: KcAdminClient; config: SocietyConfig; keycloakUrl: string }): Promise<{
  portalUrl?: string;
  credentials: string[];
  close(): Promise<void>;
}> {
  return { credentials: [], close: async () => undefined };
}
