import { CLIENT_ATTRIBUTE, REALM_TEXT } from "../../../../contracts";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";

/** What the login pages know of the app the member is logging in to (Keycloak's ClientBean). */
type ClientSeen = { name?: string; description?: string; baseUrl?: string; attributes?: Record<string, string> };

function clientOf(kcContext: KcContext): ClientSeen | undefined {
  return (kcContext as { client?: ClientSeen }).client;
}

/**
 * The society's texts come from the realm's localization (see vite.config.ts); these read them. `portalName` is
 * the name of the app the member came from when the society file declares it (provisioning names it: ja the
 * client's name, en its description), else the realm's portal name.
 */
export function getSocietyTexts(i18n: I18n, kcContext: KcContext) {
  const client = clientOf(kcContext);
  const managed = client?.attributes?.[CLIENT_ATTRIBUTE.managed] === "true";
  const appName = i18n.currentLanguage.languageTag === "en" ? client?.description : client?.name;
  return {
    societyName: i18n.msgStr(REALM_TEXT.societyName),
    portalName: managed && appName ? appName : i18n.msgStr(REALM_TEXT.portalName),
  };
}

/**
 * Where a member goes back to: the app they came from (the client's base URL, which Keycloak resolves against
 * its root URL), else the society's portal (realm text kenpoPortalUrl). Only http(s) URLs are used, so a
 * mistyped setting cannot become a script link.
 */
export function getPortalUrl(kcContext: KcContext, i18n: I18n): string | undefined {
  const candidates = [clientOf(kcContext)?.baseUrl, i18n.msgStr(REALM_TEXT.portalUrl)];
  for (const candidate of candidates) {
    if (candidate !== undefined && /^https?:\/\//i.test(candidate.trim())) {
      return candidate.trim();
    }
  }
  return undefined;
}
