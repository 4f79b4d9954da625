import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { EXIT_CODE } from "../contracts/index.js";
import type { Change, ProvisionContext, Section } from "./plan-types.js";
import type { SocietyConfig } from "./schema.js";
import { assertServerFit, type AdminAccount } from "./preflight.js";
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

/** A change failed while being applied; `applied` lists what was written before (and removed again, for a new realm). */
export class ProvisionFailed extends Error {
  readonly exitCode = EXIT_CODE.applyFailed;
  constructor(
    message: string,
    readonly applied: Change[],
    readonly rolledBack: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Plans and applies one section at a time, so each section plans against what the previous ones
 * wrote. A new realm is planned as the dry run plans it (every section as for a missing realm,
 * whose changes are written to work on the realm Keycloak has just created): the dry run and the
 * apply list the same steps. A realm created by this run is deleted again if a later section
 * fails: a society never ends up with a half-provisioned realm. An existing realm converges on
 * the next run instead.
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
      const ctx: ProvisionContext = { admin, config, realmExists: existedBefore };
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
      throw new ProvisionFailed(
        `provisioning failed at ${step}, the new realm ${config.realm} was removed again: ${describe(error)}`,
        applied,
        true,
        { cause: error },
      );
    }
    throw new ProvisionFailed(
      `provisioning failed at ${step} after ${applied.length} change(s); run it again to finish: ${describe(error)}`,
      applied,
      false,
      { cause: error },
    );
  }
  return applied;
}

function describe(error: unknown): string {
  const e = error as { message?: string; responseData?: unknown };
  return e.responseData ? `${e.message} ${JSON.stringify(e.responseData)}` : String(e.message ?? error);
}

export function formatChange(change: Pick<Change, "section" | "action" | "target" | "details">): string {
  const sign = change.action === "create" ? "+" : change.action === "delete" ? "-" : "~";
  const head = `${sign} ${change.section}: ${change.action} ${change.target}`;
  return [head, ...change.details.map((d) => `    ${d}`)].join("\n");
}

/** `provision --report json`: one object whose shape scripts can rely on. */
export interface ProvisionReport {
  realm: string;
  dryRun: boolean;
  /** The planned changes (dry run), or the ones applied. */
  changes: Array<{
    section: string;
    action: Change["action"];
    target: string;
    /** "<action> <target>": one line an admin reads. */
    description: string;
    details: string[];
  }>;
  /** How many changes were written (0 in a dry run). */
  applied: number;
  /** Set when the apply failed: what failed, and whether a new realm was removed again. */
  error?: { message: string; rolledBack: boolean };
}

export function provisionReport(
  realm: string,
  dryRun: boolean,
  changes: Change[],
  failure?: ProvisionFailed,
): ProvisionReport {
  return {
    realm,
    dryRun,
    changes: changes.map((c) => ({
      section: c.section,
      action: c.action,
      target: c.target,
      description: `${c.action} ${c.target}`,
      details: c.details,
    })),
    applied: dryRun || failure?.rolledBack ? 0 : changes.length,
    ...(failure ? { error: { message: failure.message, rolledBack: failure.rolledBack } } : {}),
  };
}

/** The text an admin reads at the end of a run: a dry run's plan, then one line; an apply printed its changes as it went. */
export function provisionSummary(report: ProvisionReport): string {
  if (report.error) return "";
  if (report.changes.length === 0) return `realm ${report.realm} is up to date: nothing to change\n`;
  if (!report.dryRun) return `applied ${report.applied} change(s) to realm ${report.realm}\n`;
  const plan = report.changes.map((c) => `${formatChange(c)}\n`).join("");
  return `${plan}dry run: ${report.changes.length} change(s) planned for realm ${report.realm}, nothing written\n`;
}

/**
 * `kenpo provision` from the connected admin on: the server's check first (nothing planned on a
 * server that cannot take the realm), then the plan or the apply. A failed apply comes back as a
 * report with its error, so a JSON reader gets what was written; the caller decides the exit code.
 */
export async function provisionSociety(
  admin: KcAdminClient & { account: AdminAccount },
  config: SocietyConfig,
  options: { dryRun?: boolean; onChange?: (change: Change) => void } = {},
): Promise<{ report: ProvisionReport; failure?: ProvisionFailed }> {
  await assertServerFit(admin, config.realm, admin.account);
  if (options.dryRun) return { report: provisionReport(config.realm, true, await planRealm(admin, config)) };
  try {
    return { report: provisionReport(config.realm, false, await applyRealm(admin, config, options.onChange)) };
  } catch (error) {
    if (!(error instanceof ProvisionFailed)) throw error;
    return { report: provisionReport(config.realm, false, error.applied, error), failure: error };
  }
}
