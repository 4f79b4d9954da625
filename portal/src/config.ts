/** What the portal needs to know about its society's Keycloak; the server writes it as /config.json. */
export interface PortalConfig {
  /** Keycloak's base URL, e.g. https://login.example-kenpo.jp */
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export function parsePortalConfig(json: unknown): PortalConfig {
  const value = json as Partial<PortalConfig> | null;
  for (const key of ["keycloakUrl", "realm", "clientId"] as const) {
    if (typeof value?.[key] !== "string" || value[key] === "")
      throw new Error(`config.json: "${key}" is missing or not a string`);
  }
  return value as PortalConfig;
}
