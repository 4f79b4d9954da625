import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type AuthenticationExecutionInfoRepresentation from "@keycloak/keycloak-admin-client/lib/defs/authenticationExecutionInfoRepresentation.js";
import {
  declaredFlows,
  FLOW_BINDINGS,
  flatten,
  resolveConfig,
  treeHash,
  type DeclaredFlow,
  type FlatExecution,
  type FlowNode,
} from "../flows.js";
import { sameValue } from "../diff.js";
import type { Change, Section } from "../plan-types.js";
import { Secret } from "otpauth";

/**
 * The member realm's flows (browser, reset credentials, direct grant). Each alias carries a
 * fingerprint of its declared tree ("kenpo browser 1a2b3c4d"): a changed tree is built as a new flow
 * beside the old one, bound, and only then is the old one removed, so members never log in through
 * a half-built flow.
 */

/**
 * Deployed script authenticators show up in executions under a base32 form of their id
 * ("script-kenpo-birthdate.js"), with that id as an implicit config; map them back.
 */
function providerOf(e: AuthenticationExecutionInfoRepresentation): string {
  const id = e.providerId ?? "";
  if (/^[A-Z2-7]+$/.test(id)) {
    const decoded = Buffer.from(Secret.fromBase32(id).bytes).toString("utf8");
    if (decoded.startsWith("script-")) return decoded;
  }
  return id;
}

async function currentRows(admin: KcAdminClient, realm: string, alias: string): Promise<FlatExecution[]> {
  const executions = await admin.authenticationManagement.getExecutions({ realm, flow: alias });
  const rows: FlatExecution[] = [];
  for (const e of executions) {
    const what = e.authenticationFlow ? (e.displayName ?? "") : providerOf(e);
    const row: FlatExecution = {
      level: e.level ?? 0,
      what,
      requirement: e.requirement as FlatExecution["requirement"],
    };
    if (e.authenticationConfig && !what.startsWith("script-")) {
      const config = await admin.authenticationManagement.getConfig({ realm, id: e.authenticationConfig });
      row.config = config.config;
    }
    rows.push(row);
  }
  return rows;
}

async function build(admin: KcAdminClient, realm: string, tree: FlowNode, suffix: string): Promise<void> {
  const top = `${tree.name} ${suffix}`;
  await admin.authenticationManagement.createFlow({
    realm,
    alias: top,
    description: tree.description,
    providerId: "basic-flow",
    topLevel: true,
    builtIn: false,
  });
  const add = async (parent: string, node: FlowNode) => {
    for (const child of node.children) {
      if (child.kind === "execution") {
        await admin.authenticationManagement.addExecutionToFlow({ realm, flow: parent, provider: child.provider });
      } else {
        const alias = `${child.name} ${suffix}`;
        await admin.authenticationManagement.addFlowToFlow({
          realm,
          flow: parent,
          alias,
          type: "basic-flow",
          provider: "registration-page-form",
          description: child.description,
        });
        await add(alias, child);
      }
    }
  };
  await add(top, tree);
  // Keycloak lists the executions depth first, the order they were added in: pair them with the tree.
  const wanted = flatten(tree, suffix);
  const executions = await admin.authenticationManagement.getExecutions({ realm, flow: top });
  if (executions.length !== wanted.length)
    throw new Error(`flow ${top}: expected ${wanted.length} executions, Keycloak has ${executions.length}`);
  const configs = collectConfigs(tree);
  for (const [i, execution] of executions.entries()) {
    const want = wanted[i]!;
    if (execution.requirement !== want.requirement) {
      await admin.authenticationManagement.updateExecution(
        { realm, flow: top },
        { ...execution, requirement: want.requirement },
      );
    }
    if (want.config) {
      const config = configs.shift()!;
      await admin.authenticationManagement.createConfig({
        realm,
        id: execution.id!,
        alias: `${config.name} ${suffix}`,
        config: resolveConfig(config.values, suffix),
      });
    }
  }
}

function collectConfigs(tree: FlowNode): Array<{ name: string; values: Record<string, string> }> {
  return tree.children.flatMap((c) => (c.kind === "execution" ? (c.config ? [c.config] : []) : collectConfigs(c)));
}

/**
 * Bound while a hand-edited flow is rebuilt under its own alias: never one of Keycloak's stock flows, which
 * would let members in with the card password alone. If the rebuild fails, the door stays closed.
 */
const CLOSED = "kenpo closed while rebuilding";

async function closeDoor(admin: KcAdminClient, realm: string, binding: string): Promise<void> {
  const flows = await admin.authenticationManagement.getFlows({ realm });
  if (!flows.some((f) => f.alias === CLOSED)) {
    await admin.authenticationManagement.createFlow({
      realm,
      alias: CLOSED,
      description: "Refuses every login while a kenpo flow is rebuilt",
      providerId: "basic-flow",
      topLevel: true,
      builtIn: false,
    });
    await admin.authenticationManagement.addExecutionToFlow({
      realm,
      flow: CLOSED,
      provider: "deny-access-authenticator",
    });
    const [deny] = await admin.authenticationManagement.getExecutions({ realm, flow: CLOSED });
    await admin.authenticationManagement.updateExecution({ realm, flow: CLOSED }, { ...deny, requirement: "REQUIRED" });
  }
  await admin.realms.update({ realm }, { [binding]: CLOSED });
}

async function openDoorAgain(admin: KcAdminClient, realm: string): Promise<void> {
  const rep = (await admin.realms.findOne({ realm })) as Record<string, unknown> | undefined;
  if (FLOW_BINDINGS.some((binding) => rep?.[binding] === CLOSED)) return;
  const closed = (await admin.authenticationManagement.getFlows({ realm })).find((f) => f.alias === CLOSED);
  if (closed) await admin.authenticationManagement.deleteFlow({ realm, flowId: closed.id! });
}

function providersOf(tree: FlowNode): string[] {
  return tree.children.flatMap((c) => (c.kind === "execution" ? [c.provider] : providersOf(c)));
}

/** Our script authenticators (and every stock one we use) must be deployed before anything is planned. */
async function missingProviders(admin: KcAdminClient, flows: DeclaredFlow[]): Promise<string[]> {
  const info = await admin.serverInfo.find();
  const known = new Set(Object.keys(info.providers?.authenticator?.providers ?? {}));
  return [...new Set(flows.flatMap((f) => providersOf(f.tree)))].filter((p) => !known.has(p));
}

async function planFlow(
  admin: KcAdminClient,
  realm: string,
  realmExists: boolean,
  declared: DeclaredFlow,
): Promise<Change[]> {
  const { tree, binding } = declared;
  const suffix = treeHash(tree);
  const alias = `${tree.name} ${suffix}`;
  const prefix = `${tree.name} `;
  const flows = realmExists ? await admin.authenticationManagement.getFlows({ realm }) : [];
  const bound = realmExists ? (await admin.realms.findOne({ realm }))?.[binding] : undefined;
  const existing = flows.find((f) => f.alias === alias);
  const stale = flows.filter((f) => f.alias?.startsWith(prefix) && f.alias !== alias);
  const drifted = existing ? !sameValue(await currentRows(admin, realm, alias), flatten(tree, suffix)) : false;
  if (existing && !drifted && bound === alias && stale.length === 0) return [];

  const details: string[] = [];
  if (!existing)
    details.push(
      `build "${alias}": ${flatten(tree, suffix)
        .map((r) => `${"  ".repeat(r.level)}${r.what} (${r.requirement})`)
        .join("; ")}`,
    );
  if (drifted) details.push(`"${alias}" was edited by hand: rebuild it`);
  if (bound !== alias) details.push(`bind as the ${binding} (was ${bound ?? "none"})`);
  for (const f of stale) details.push(`remove the previous flow "${f.alias}"`);
  return [
    {
      section: "flows",
      action: existing ? "update" : "create",
      target: `${binding} ${tree.name}`,
      details,
      apply: async () => {
        if (drifted) {
          // Rebuild under the same alias, behind a closed door (see CLOSED).
          await closeDoor(admin, realm, binding);
          await admin.authenticationManagement.deleteFlow({ realm, flowId: existing!.id! });
        }
        if (!existing || drifted) await build(admin, realm, tree, suffix);
        await admin.realms.update({ realm }, { [binding]: alias });
        for (const f of stale) await admin.authenticationManagement.deleteFlow({ realm, flowId: f.id! });
        if (drifted) await openDoorAgain(admin, realm);
      },
    },
  ];
}

export const flowsSection: Section = {
  name: "flows",
  async plan({ admin, config, realmExists }): Promise<Change[]> {
    const flows = declaredFlows(config);
    const missing = await missingProviders(admin, flows);
    if (missing.length > 0) {
      throw new Error(
        `Keycloak has no authenticator ${missing.join(", ")}: copy build/providers/kenpo-authenticators.jar (npm run build) into its providers/ folder and start it with --features=scripts, then plan again`,
      );
    }
    const changes: Change[] = [];
    for (const declared of flows) changes.push(...(await planFlow(admin, config.realm, realmExists, declared)));
    return changes;
  },
};
