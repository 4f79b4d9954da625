import type { Command } from "commander";
import { eventsText, lookUpMember, memberEvents, memberText } from "../../members/help-desk.js";
import { connectSociety, withSocietyOptions, type SocietyOptions } from "./society.js";

type LookUpOptions = SocietyOptions & { json?: boolean; since?: string };

async function withRealm<T>(
  opts: SocietyOptions,
  use: (admin: Awaited<ReturnType<typeof connectSociety>>["admin"], realm: string) => Promise<T>,
) {
  const { config, admin } = await connectSociety(opts);
  try {
    return await use(admin, config.realm);
  } finally {
    admin.close();
  }
}

export function registerMemberLookUps(program: Command): void {
  withSocietyOptions(
    program
      .command("member")
      .argument("<user-id>", "the member's user ID (any case)")
      .description("help desk: stage, account on or off, devices by name, lock state, last logins; card masked")
      .option("--json", "one JSON object on stdout"),
  ).action(async (userId: string, opts: LookUpOptions) => {
    const view = await withRealm(opts, (admin, realm) => lookUpMember(admin, realm, userId));
    process.stdout.write(opts.json ? `${JSON.stringify(view)}\n` : memberText(view));
  });
  withSocietyOptions(
    program
      .command("events")
      .argument("<user-id>", "the member's user ID (any case)")
      .description("help desk: the member's stored login events, newest first")
      .option("--since <date>", "only events from this day on (YYYY-MM-DD)")
      .option("--json", "one JSON object on stdout"),
  ).action(async (userId: string, opts: LookUpOptions) => {
    const result = await withRealm(opts, (admin, realm) => memberEvents(admin, realm, userId, { since: opts.since }));
    process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : eventsText(result));
  });
}
