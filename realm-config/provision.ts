import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type { Change, ProvisionContext, Section } from "./plan-types.js";
import type { SocietyConfig } from "./schema.js";
import { SECTIONS } from "./sections/index.js";

export interface ProvisionResult {
  changes: Change[];
  applied: boolean;
}

async function realmExists(admin: KcAdminClient, realm: string): Promise<boolean> {
  const found = await admin.realms.findOne({ realm });
  return Boolean(found?.realm);
}

/** Every change the config asks for, section by section, without writing anything. */
export async function planRealm(
  admin: KcAdminClient,
  config: SocietyConfig,
  sections: Section[] = SECTIONS,
): Promise<Change[]> {
  const ctx: ProvisionContext = { admin, config, realmExists: await realmExists(admin, config.realm) };
  const changes: Change[] = [];
  for (const section of sections) changes.push(...(await section.plan(ctx)));
  return changes;
}

/**
 * Plans and applies one section at a time, so each section plans against what the previous ones
 * wrote. A realm created by this run is deleted again if a later section fails: a society never
 * ends up with a half-provisioned realm. An existing realm converges on the next run instead.
 */
export async function applyRealm(
  admin: KcAdminClient,
  config: SocietyConfig,
  onChange: (change: Change) => void = () => undefined,
  sections: Section[] = SECTIONS,
): Promise<Change[]> {
  const existedBefore = await realmExists(admin, config.realm);
  const applied: Change[] = [];
  let step = "planning";
  try {
    for (const section of sections) {
      step = `planning ${section.name}`;
      const ctx: ProvisionContext = { admin, config, realmExists: existedBefore || applied.length > 0 };
      for (const change of await section.plan(ctx)) {
        step = `${change.action} ${change.target} (${change.section})`;
        await change.apply();
        applied.push(change);
        onChange(change);
      }
    }
  } catch (error) {
    if (!existedBefore && applied.length > 0) {
      await admin.realms.del({ realm: config.realm }).catch(() => undefined);
      throw new Error(
        `provisioning failed at ${step}, the new realm ${config.realm} was removed again: ${describe(error)}`,
        { cause: error },
      );
    }
    throw new Error(
      `provisioning failed at ${step} after ${applied.length} change(s); run it again to finish: ${describe(error)}`,
      { cause: error },
    );
  }
  return applied;
}

function describe(error: unknown): string {
  const e = error as { message?: string; responseData?: unknown };
  return e.responseData ? `${e.message} ${JSON.stringify(e.responseData)}` : String(e.message ?? error);
}

export function formatChange(change: Change): string {
  const sign = change.action === "create" ? "+" : change.action === "delete" ? "-" : "~";
  const head = `${sign} ${change.section}: ${change.action} ${change.target}`;
  return [head, ...change.details.map((d) => `    ${d}`)].join("\n");
}
