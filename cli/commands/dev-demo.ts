import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { join } from "node:path";
import { initialPassword } from "../../rules/initial-password.js";
import { writeMembers, type ImportMember } from "../../members/keycloak-writer.js";
import { validateFile, validMembers } from "../../members/read-members.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { startPortal } from "../../portal/serve.js";
import { repoRoot } from "../../runtime/keycloak/paths.js";

/** The example member register doubles as the demo's members, imported the way admins import theirs. */
export const DEMO_MEMBERS_FILE = join(repoRoot, "members", "examples", "members.example.csv");

async function importDemoMembers(admin: KcAdminClient, realm: string): Promise<string[]> {
  const summary = await validateFile(DEMO_MEMBERS_FILE);
  const rows: ImportMember[] = [];
  for await (const row of validMembers(summary)) rows.push({ ...row, initialPassword: initialPassword(row) });
  const report = await writeMembers(rows, { admin, realm });
  const lines = [`  demo members (${report.created} imported now, ${report.skipped} already there; initial password = 記号+番号+生年月日):`];
  for (const row of rows) lines.push(`    ${row.userId.padEnd(16)} ${row.initialPassword}   ${row.lastName} ${row.firstName}${row.email ? ` <${row.email}>` : ""}`);
  lines.push("  (members who already changed their password keep it; `npm run kenpo -- reset-password USER_ID` puts one back)");
  return lines;
}

/** Demo members and the demo portal, started beside Keycloak by `npm start`. */
export async function startDemoExtras(ctx: { admin: KcAdminClient; config: SocietyConfig; keycloakUrl: string }): Promise<{
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
