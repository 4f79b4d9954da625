#!/usr/bin/env node
import { Command } from "commander";
import { registerCluster } from "./commands/cluster.js";
import { registerDev } from "./commands/dev.js";
import { registerImportMembers } from "./commands/import-members.js";
import { registerInitialPassword } from "./commands/initial-password.js";
import { registerKeycloak } from "./commands/keycloak.js";
import { registerNotices } from "./commands/notices.js";
import { registerMemberLookUps } from "./commands/member.js";
import { registerPortal } from "./commands/portal.js";
import { registerProvision } from "./commands/provision.js";
import { registerProxyOrigins } from "./commands/proxy-origins.js";
import { registerReport } from "./commands/report.js";
import { registerResetPassword } from "./commands/reset-password.js";
import { registerUnlock } from "./commands/unlock.js";
import { EXIT_CODE } from "../contracts/index.js";
import { registerTestMember } from "./commands/test-member.js";
import { registerSyncRegister } from "./commands/sync-register.js";

const program = new Command("kenpo")
  .description("kenpo-keycloak: run Keycloak, provision a society's realm, import and help members")
  .showHelpAfterError();

registerKeycloak(program);
registerProvision(program);
registerProxyOrigins(program);
registerDev(program);
registerCluster(program);
registerInitialPassword(program);
registerImportMembers(program);
registerSyncRegister(program);
registerResetPassword(program);
registerUnlock(program);
registerTestMember(program);
registerReport(program);
registerNotices(program);
registerMemberLookUps(program);
registerPortal(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`kenpo: ${error instanceof Error ? error.message : String(error)}\n`);
  // Errors that know their kind carry its exit code (ConfigError, MemberNotFound, ...).
  const code = (error as { exitCode?: unknown } | undefined)?.exitCode;
  process.exitCode = process.exitCode || (typeof code === "number" ? code : EXIT_CODE.failed);
});
