import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { join } from "node:path";
import { importRegister, registerMembers } from "../../members/import-register.js";
import { importReport } from "../../members/import-report.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { startPortal } from "../../portal/serve.js";
import { repoRoot } from "../../runtime/keycloak/paths.js";

/** The example member register doubles as the demo's members, imported the way admins import theirs. */
export const DEMO_MEMBERS_FILE = join(repoRoot, "members", "examples", "members.example.csv");

async function importDemoMembers(admin: KcAdminClient, realm: string): Promise<string[]> {
  // The demo keeps using its admin connection afterwards: nothing to close.
  const outcome = await importRegister(DEMO_MEMBERS_FILE, {}, { connect: () => ({ admin, realm }) });
  // The example register ships with the repository: one that no longer imports is a bug to see, not to skip.
  if (outcome.kind !== "imported")
    throw new Error(
      `the demo members do not import:\n${importReport(outcome, { file: DEMO_MEMBERS_FILE, json: false }).stderr}`,
    );
  const { report, summary } = outcome;
  const lines = [
    `  demo members (${report.created} imported now, ${report.skipped} already there; initial password = 記号+番号+生年月日):`,
  ];
  for await (const row of registerMembers(summary)()) {
    lines.push(
      `    ${row.userId.padEnd(16)} ${row.initialPassword}   ${row.lastName} ${row.firstName}${row.email ? ` <${row.email}>` : ""}`,
    );
  }
  lines.push(
    "  (members who already changed their password keep it; `npm run kenpo -- reset-password USER_ID --config realm-config/societies/demo.yaml` puts one back)",
  );
  return lines;
}

/** Demo members and the demo portal, started beside Keycloak by `npm start`. */
export async function startDemoExtras(ctx: {
  admin: KcAdminClient;
  config: SocietyConfig;
  keycloakUrl: string;
}): Promise<{
  portalUrl?: string;
  credentials: string[];
  close(): Promise<void>;
}> {
  const credentials = await importDemoMembers(ctx.admin, ctx.config.realm);
  const portal = await startPortal({
    port: Number(new URL(ctx.config.portalUrl).port || 80),
    keycloakUrl: ctx.keycloakUrl,
    realm: ctx.config.realm,
    clientId: ctx.config.portalClients[0]!.clientId,
  });
  return { portalUrl: portal.url, credentials, close: () => portal.close() };
}
