import type { Command } from "commander";
import { keycloakStatus, startKeycloak, stopKeycloak } from "../../runtime/keycloak/server.js";
import { startPostgres } from "../../runtime/keycloak/postgres.js";
import { ensureDistribution } from "../../runtime/keycloak/distribution.js";
import { findJdk } from "../../runtime/keycloak/jdk.js";

export function registerKeycloak(program: Command): void {
  const kc = program.command("keycloak").description("run a local Keycloak with our theme and authenticators");
  kc.command("install")
    .description("fetch the pinned Keycloak distribution (once, into .cache) and check the JDK")
    .action(async () => {
      const dist = await ensureDistribution();
      const jdk = findJdk();
      process.stdout.write(`Keycloak ${dist.version} at ${dist.home}\nJava ${jdk.major} at ${jdk.home}\n`);
    });
  kc.command("start")
    .description("start Keycloak in the background and wait until it is ready")
    .option("--name <name>", "instance name (its own folder under .cache/keycloak/instances)", "dev")
    .option("--port <port>", "HTTP port", (v) => Number(v), 8080)
    .option("--management-port <port>", "management (health) port", (v) => Number(v), 9000)
    .option("--postgres", "production-like profile: a local PostgreSQL instead of the dev file database")
    .action(async (opts: { name: string; port: number; managementPort: number; postgres?: boolean }) => {
      const database = opts.postgres ? await startPostgres({ name: opts.name }) : undefined;
      const running = await startKeycloak({
        name: opts.name,
        httpPort: opts.port,
        managementPort: opts.managementPort,
        database,
      });
      running.process.unref();
      process.stdout.write(
        `Keycloak "${running.name}" is ready at ${running.url} (pid ${running.pid}, log ${running.logFile})\n`,
      );
    });
  kc.command("stop")
    .description("stop a Keycloak started with `keycloak start`")
    .option("--name <name>", "instance name", "dev")
    .action(async (opts: { name: string }) => {
      const stopped = await stopKeycloak(opts.name);
      process.stdout.write(stopped ? `Keycloak "${opts.name}" stopped\n` : `Keycloak "${opts.name}" was not running\n`);
    });
  kc.command("status")
    .description("is it running and ready?")
    .option("--name <name>", "instance name", "dev")
    .action(async (opts: { name: string }) => {
      const status = await keycloakStatus(opts.name);
      if (!status.running) {
        process.stdout.write(`Keycloak "${opts.name}" is not running\n`);
        process.exitCode = 3;
        return;
      }
      process.stdout.write(
        `Keycloak "${opts.name}" is ${status.ready ? "ready" : "starting"} at ${status.state!.url} (pid ${status.state!.pid})\n`,
      );
      if (!status.ready) process.exitCode = 4;
    });
}
