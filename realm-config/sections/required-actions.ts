import { REQUIRED_ACTION_ORDER } from "../desired-realm.js";
import type { Change, RealmOnlyPayload, Section } from "../plan-types.js";

/**
 * Required actions enabled, none forced on every user, in the manual's order. Keycloak runs a
 * member's pending actions by priority, so the priorities carry the order.
 */
export const requiredActionsSection: Section = {
  name: "required-actions",
  async plan({ admin, config, realmExists }): Promise<Change[]> {
    if (!realmExists) {
      return [
        {
          section: "required-actions",
          action: "update",
          target: "required actions",
          details: [`enable in this order: ${REQUIRED_ACTION_ORDER.join(", ")}`],
          apply: () => applyAll(admin, config.realm),
        },
      ];
    }
    const details = await drift(admin, config.realm);
    if (details.length === 0) return [];
    return [
      {
        section: "required-actions",
        action: "update",
        target: "required actions",
        details,
        apply: () => applyAll(admin, config.realm),
      },
    ];
  },
};

type Admin = Parameters<Section["plan"]>[0]["admin"];

async function drift(admin: Admin, realm: string): Promise<string[]> {
  const actions = await admin.authenticationManagement.getRequiredActions({ realm } as RealmOnlyPayload);
  const details: string[] = [];
  let previous = -Infinity;
  for (const alias of REQUIRED_ACTION_ORDER) {
    const action = actions.find((a) => a.alias === alias);
    if (!action) {
      details.push(`${alias}: not registered`);
      continue;
    }
    if (!action.enabled) details.push(`${alias}: enable`);
    if (action.defaultAction) details.push(`${alias}: stop forcing it on new users`);
    if ((action.priority ?? 0) <= previous) details.push(`${alias}: move after the previous step`);
    previous = action.priority ?? 0;
  }
  return details;
}

async function applyAll(admin: Admin, realm: string): Promise<void> {
  const actions = await admin.authenticationManagement.getRequiredActions({ realm } as RealmOnlyPayload);
  // Keep ours above Keycloak's other actions, spaced so later additions fit between.
  const base = Math.min(...actions.map((a) => a.priority ?? 0)) + 1;
  let index = 0;
  for (const alias of REQUIRED_ACTION_ORDER) {
    const action = actions.find((a) => a.alias === alias);
    if (!action) throw new Error(`Keycloak has no required action ${alias}`);
    await admin.authenticationManagement.updateRequiredAction(
      { alias, realm },
      { ...action, enabled: true, defaultAction: false, priority: base + index * 10 },
    );
    index += 1;
  }
}
