import { desiredLocalization } from "../desired-realm.js";
import type { Change, Section } from "../plan-types.js";

/** The society's own words (name, portal, terms) as realm localization texts the theme reads. */
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
          details: [],
          apply: async () => {
            await admin.realms.addLocalization({ realm: config.realm, selectedLocale: locale, key }, value);
          },
        });
      }
    }
    return changes;
  },
};
