import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { appOrigins, nginxOriginsSnippet } from "../../realm-config/origins.js";
import { loadSociety, userPath } from "./society.js";

export function registerProxyOrigins(program: Command): void {
  program
    .command("proxy-origins")
    .description(
      "the origins of the society file's apps, which the login pages' CSP (form-action) must allow: printed on one line, or written as the nginx snippet of docker/",
    )
    .option("--config <file>", "the society's config (YAML); default $KENPO_CONFIG")
    .option("--nginx <file>", "write the nginx snippet (set $kenpo_app_origins …) to this file instead")
    .action((opts: { config?: string; nginx?: string }) => {
      const config = loadSociety(opts);
      if (!opts.nginx) {
        process.stdout.write(`${appOrigins(config).join(" ")}\n`);
        return;
      }
      writeFileSync(userPath(opts.nginx), nginxOriginsSnippet(config, opts.config ?? "$KENPO_CONFIG"));
      process.stdout.write(`wrote ${opts.nginx}: ${appOrigins(config).join(" ")}\n`);
    });
}
