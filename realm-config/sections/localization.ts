import { REALM_TEXT } from "../../contracts/index.js";
import { BRAND_TEXT_KEYS, desiredLocalization } from "../desired-realm.js";
import type { Change, Section } from "../plan-types.js";

/** The society's own words (name, portal, terms) and brand (colour, logo) as realm localization texts the theme reads. */
export const localizationSection: Section = {
  name: "localization",
  async plan({ admin, config, realmExists }): Promise<Change[]> {
    const changes: Change[] = [];
    for (const [locale, texts] of Object.entries(desiredLocalization(config))) {
      const current: Record<string, string> = realmExists
        ? await admin.realms.getRealmLocalizationTexts({ realm: config.realm, selectedLocale: locale })
        : {};
      for (const [key, value] of Object.entries(texts)) {
        if (current[key] === value) continue;
        changes.push({
          section: "localization",
          action: key in current ? "update" : "create",
          target: `text ${locale}/${key}`,
          // The logo is a data: URI of up to 16 KiB: the plan names its file, never the data.
          details: key === REALM_TEXT.brandLogo ? [`logo: ${config.brand?.logo ?? ""}`] : [],
          apply: async () => {
            await admin.realms.addLocalization({ realm: config.realm, selectedLocale: locale, key }, value);
          },
        });
      }
      // A brand taken out of the society file goes back to the theme's default look.
      for (const key of BRAND_TEXT_KEYS) {
        if (key in texts || !(key in current)) continue;
        changes.push({
          section: "localization",
          action: "delete",
          target: `text ${locale}/${key}`,
          details: [],
          apply: async () => {
            await admin.realms.deleteRealmLocalizationTexts({ realm: config.realm, selectedLocale: locale, key });
          },
        });
      }
    }
    return changes;
  },
};
