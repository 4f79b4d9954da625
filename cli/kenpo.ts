#!/usr/bin/env node
import { Command } from "commander";
import { registerCluster } from "./commands/cluster.js";
import { registerDev } from "./commands/dev.js";
import { registerImportMembers } from "./commands/import-members.js";
import { registerInitialPassword } from "./commands/initial-password.js";
import { registerKeycloak } from "./commands/keycloak.js";
import { registerMemberLookUps } from "./commands/member.js";
import { registerPortal } from "./commands/portal.js";
import { registerProvision } from "./commands/provision.js";
import { registerResetPassword } from "./commands/reset-password.js";
import { registerSyncRegister } from "./commands/sync-register.js";

const program = new Command("kenpo")
  .description("kenpo-keycloak: run Keycloak, provision a society's realm, import and help members")
  .showHelpAfterError();

registerKeycloak(program);
registerProvision(program);
registerDev(program);
registerCluster(program);
registerInitialPassword(program);
registerImportMembers(program);
registerSyncRegister(program);
registerResetPassword(program);
registerMemberLookUps(program);
registerPortal(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`kenpo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 1;
});
