import type { SocietyConfig } from "./schema.js";

/**
 * The web origins of the society file's apps, the one source for the production proxy's Content-Security-Policy:
 * the login pages end with a form post that Keycloak answers with a redirect to the app (redirect URIs, the
 * logout's post-logout URIs), and a browser lets a form post go only to the origins `form-action` names. CORS
 * needs nothing here: Keycloak answers it per client from the same file's webOrigins.
 */
export function appOrigins(config: SocietyConfig): string[] {
  const urls = config.portalClients.flatMap((c) => [c.rootUrl, ...c.redirectUris, ...c.postLogoutRedirectUris]);
  return [...new Set(urls.map((u) => new URL(u.replace(/\/\*$/, "/")).origin))].sort();
}

/** The nginx variable docker/nginx/templates/kenpo.conf.template puts into the CSP's form-action. */
export const NGINX_ORIGINS_VARIABLE = "$kenpo_app_origins";

/** The snippet the proxy includes in its login-page location (written by `kenpo proxy-origins --nginx FILE`). */
export function nginxOriginsSnippet(config: SocietyConfig, source: string): string {
  return [
    `# Written by kenpo proxy-origins from ${source}: the origins of its portalClients. Do not edit; run it again.`,
    `set ${NGINX_ORIGINS_VARIABLE} "${appOrigins(config).join(" ")}";`,
    "",
  ].join("\n");
}
