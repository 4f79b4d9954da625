import type KcAdminClient from "@keycloak/keycloak-admin-client";
import { EnrolmentTally, FUNNEL_EVENT_TYPES, FunnelEvents, type EnrolmentReport } from "./enrolment-report.js";
import { needsCredentials, realmUsers } from "./realm-users.js";

/**
 * The enrolment report read from a realm: its stored login events (paged, only the types the funnel
 * counts, kept as one small number per account), then its accounts (paged). Memory holds the
 * furthest step per account that has events, the counts and the unfinished list, never the realm.
 * Members in the enrolling stage cost one more request each (their credentials, see memberStage).
 */
export async function enrolmentReport(
  admin: KcAdminClient,
  realm: string,
  options: { now?: Date; staleDays?: number; pageSize?: number } = {},
): Promise<EnrolmentReport> {
  const pageSize = options.pageSize ?? 500;
  const rep = await admin.realms.findOne({ realm });
  if (!rep) throw new Error(`realm ${realm} does not exist: provision it first`);
  let events: { funnel: FunnelEvents; retentionDays: number } | undefined;
  if (rep.eventsEnabled) {
    const funnel = new FunnelEvents();
    for (let first = 0; ; first += pageSize) {
      const page = await admin.realms.findEvents({ realm, type: FUNNEL_EVENT_TYPES, first, max: pageSize });
      for (const event of page) funnel.add(event);
      if (page.length < pageSize) break;
    }
    events = { funnel, retentionDays: Math.round((rep.eventsExpiration ?? 0) / (24 * 60 * 60)) };
  }
  const tally = new EnrolmentTally({ realm, now: options.now ?? new Date(), staleDays: options.staleDays, events });
  for await (const user of realmUsers(admin, realm, pageSize)) {
    // Only members between ⑤ and their next login: one more request each, to see their factor.
    const credentials = needsCredentials(user)
      ? (await admin.users.getCredentials({ realm, id: user.id! })).map((c) => c.type ?? "")
      : undefined;
    tally.add(user, credentials);
  }
  return tally.result();
}
