import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { Command } from "commander";
import { loadSocietyConfig } from "../../realm-config/load.js";
import { applyRealm } from "../../realm-config/provision.js";
import { isStale } from "../../scripts/build/stale.js";
import { connectAdmin } from "../../runtime/keycloak/admin.js";
import { memberFacingUrl } from "../../runtime/keycloak/member-url.js";
import { providersBuildDir, repoRoot } from "../../runtime/keycloak/paths.js";
import { keycloakStatus, startKeycloak, stopKeycloak } from "../../runtime/keycloak/server.js";
import { startMailbox } from "../../runtime/mail/mailbox.js";

const DEMO_CONFIG = join(repoRoot, "realm-config", "societies", "demo.yaml");

/** The provider JARs and what each is built from: rebuilt only when a source is newer. */
const BUILDS = [
  {
    jar: join(providersBuildDir, "kenpo-theme.jar"),
    script: "build:theme",
    inputs: ["theme/src", "theme/package.json", "theme/vite.config.ts", "contracts"],
  },
  {
    jar: join(providersBuildDir, "kenpo-authenticators.jar"),
    script: "build:authenticators",
    inputs: ["authenticators/src", "authenticators/build.ts", "contracts", "rules"],
  },
];

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function buildIfStale(): void {
  for (const build of BUILDS) {
    if (
      !isStale(
        build.jar,
        build.inputs.map((p) => join(repoRoot, p)),
      )
    )
      continue;
    say(`▶ building ${build.jar.replace(`${repoRoot}/`, "")} (npm run ${build.script})`);
    execFileSync("npm", ["run", "--silent", build.script], { cwd: repoRoot, stdio: "inherit" });
  }
}

export function registerDev(program: Command): void {
  program
    .command("dev")
    .description(
      "the demo: build, start Keycloak + mail catcher + demo portal, provision the demo realm and members (npm start)",
    )
    .option("--port <port>", "Keycloak HTTP port", (v) => Number(v), 8080)
    .option("--management-port <port>", "Keycloak management port", (v) => Number(v), 9000)
    .option("--no-build", "use the provider JARs as they are")
    .action(async (opts: { port: number; managementPort: number; build: boolean }) => {
      const config = loadSocietyConfig(DEMO_CONFIG);
      if (opts.build) buildIfStale();

      const mailbox = await startMailbox({
        port: config.smtp?.port,
        onMail: (mail) =>
          say(
            `✉ mail to ${mail.to.join(", ")}: ${mail.subject}\n  ${[mail.code ? `code ${mail.code}` : "", ...mail.links].filter(Boolean).join("\n  ")}`,
          ),
      });

      const status = await keycloakStatus("dev");
      if (status.running) await stopKeycloak("dev");
      say("▶ starting Keycloak (dev mode, file database)…");
      const kc = await startKeycloak({ name: "dev", httpPort: opts.port, managementPort: opts.managementPort });
      const admin = await connectAdmin({ url: kc.url, username: kc.adminUser, password: kc.adminPassword });
      const applied = await applyRealm(admin, config);
      say(`▶ realm ${config.realm} provisioned (${applied.length} change(s))`);

      const demo = await import("./dev-demo.js");
      // Members' pages by name: passkeys do not work on http://127.0.0.1.
      const memberUrl = memberFacingUrl(kc.url);
      const extras = await demo.startDemoExtras({ admin, config, keycloakUrl: memberUrl });

      say("");
      say("kenpo-keycloak is running:");
      say(`  member portal (demo):  ${extras.portalUrl ?? "(not available)"}`);
      // Through the demo portal, which builds the request (PKCE, state, acr); a bare authorization URL would end in
      // invalid_request.
      if (extras.portalUrl) say(`  log in (demo portal):  ${extras.portalUrl}?login`);
      say(`  account console:       ${memberUrl}/realms/${config.realm}/account/`);
      say(
        `  admin console:         ${kc.url}/admin/master/console/#/${config.realm}   (${kc.adminUser} / ${kc.adminUser === "admin" && kc.adminPassword === "admin" ? "admin — dev only" : "from KENPO_ADMIN_PASSWORD"})`,
      );
      say(`  mail catcher (SMTP):   127.0.0.1:${mailbox.port} — mails are printed here`);
      for (const line of extras.credentials) say(line);
      say("");
      say("Ctrl-C stops everything.");

      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        say("\n▶ stopping…");
        admin.close();
        await extras.close();
        await stopKeycloak("dev");
        await mailbox.close();
        process.exit(0);
      };
      process.on("SIGINT", () => void stop());
      process.on("SIGTERM", () => void stop());
      kc.process.on("exit", (code) => {
        if (!stopping) {
          say(`Keycloak exited (${code}); see ${kc.logFile}`);
          void stop();
        }
      });
    });
}
