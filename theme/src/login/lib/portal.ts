import { REALM_TEXT } from "../../../../contracts";
import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";

/** The society's texts come from the realm's localization (see vite.config.ts); these read them. */
export function getSocietyTexts(i18n: I18n) {
  return {
    societyName: i18n.msgStr(REALM_TEXT.societyName),
    portalName: i18n.msgStr(REALM_TEXT.portalName),
  };
}

/**
 * Where a member starts a login again: the society's portal (realm text kenpoPortalUrl), else the
 * client's base URL. Only http(s) URLs are used, so a mistyped realm text cannot become a script link.
 */
export function getPortalUrl(kcContext: KcContext, i18n: I18n): string | undefined {
  const candidates = [
    i18n.msgStr(REALM_TEXT.portalUrl),
    (kcContext.client as { baseUrl?: string } | undefined)?.baseUrl,
  ];
  for (const candidate of candidates) {
    if (candidate !== undefined && /^https?:\/\//i.test(candidate.trim())) {
      return candidate.trim();
    }
  }
  return undefined;
}
