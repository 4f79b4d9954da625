import type { UserProfileConfig } from "@keycloak/keycloak-admin-client/lib/defs/userProfileMetadata.js";
import { desiredProfileAttributes } from "../desired-realm.js";
import { sameValue } from "../diff.js";
import type { Change, Section } from "../plan-types.js";

/** Declarative user profile: the card data and journey state as admin-only attributes. */
export const userProfileSection: Section = {
  name: "user-profile",
  async plan({ admin, config, realmExists }): Promise<Change[]> {
    const wanted = desiredProfileAttributes();
    const current: UserProfileConfig = realmExists
      ? await admin.users.getProfile({ realm: config.realm })
      : { attributes: [] };
    const attributes = current.attributes ?? [];
    const changed = wanted.filter((want) => {
      const have = attributes.find((a) => a.name === want.name);
      return !have || !sameValue(pick(have, Object.keys(want)), want);
    });
    if (changed.length === 0 && realmExists) return [];
    return [
      {
        section: "user-profile",
        action: realmExists ? "update" : "create",
        target: "user profile",
        details: (realmExists ? changed : wanted).map((a) => `attribute ${a.name} (admin-only)`),
        apply: async () => {
          // Re-read at apply time: the realm may have been created by an earlier section.
          const fresh = await admin.users.getProfile({ realm: config.realm });
          const others = (fresh.attributes ?? []).filter((a) => !wanted.some((w) => w.name === a.name));
          await admin.users.updateProfile({ ...fresh, realm: config.realm, attributes: [...others, ...wanted] });
        },
      },
    ];
  },
};

function pick(source: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (source as Record<string, unknown>)[k]]));
}
