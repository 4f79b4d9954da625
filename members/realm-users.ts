import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { t } from "../admin-messages/catalogue.js";
import { CREDENTIAL_TYPE, METHOD, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { firstAttribute } from "./attributes.js";
import { ScratchSet } from "./scratch-db.js";

/**
 * Reading a realm's members for the report, the letters and the help desk: one page of accounts
 * (with their attributes) in memory at a time, and each member's stage as admins name it.
 */

/**
 * Every account of the realm with its attributes (the brief representation has none), `concurrency`
 * pages requested at once: Keycloak loads users it has not cached from the database one at a time
 * per request, so requests side by side finish sooner (bench:sync). That many pages are in memory at once.
 */
export async function* realmUsers(
  admin: KcAdminClient,
  realm: string,
  pageSize = 500,
  concurrency = 1,
  /** Ids, user IDs, names and email only: no attributes, a far cheaper read. */
  brief = false,
): AsyncGenerator<UserRepresentation> {
  for (let first = 0; ; first += pageSize * concurrency) {
    const pages = await Promise.all(
      Array.from({ length: concurrency }, (_, i) =>
        admin.users.find({ realm, first: first + i * pageSize, max: pageSize, briefRepresentation: brief }),
      ),
    );
    for (const page of pages) yield* page;
    if (pages.some((page) => page.length < pageSize)) return;
  }
}

export class RealmChanged extends Error {
  constructor() {
    super(t("realmChanged"));
  }
}

/**
 * realmUsers for a plan that must see every account exactly once. Pages are offsets, so an account
 * added or removed during the read shifts the pages after it: one account is read twice or never.
 * A plan that never saw an account could create a second one with the same card; instead the read
 * throws RealmChanged, and the run, which has written nothing yet, can simply be started again.
 * One added and another removed would leave the count as it was: a second, brief read of the ids
 * must then find an account the first read did not have.
 */
export async function* everyRealmUser(
  admin: KcAdminClient,
  realm: string,
  pageSize = 500,
  /** 3 pages at once: bench:sync's 100,000-member realm read sooner, with 1,500 users in memory. */
  concurrency = 3,
): AsyncGenerator<UserRepresentation> {
  // The ids seen, on disk: a society's 100,000 ids would otherwise be the read's largest part.
  const seen = new ScratchSet();
  try {
    const before = await admin.users.count({ realm });
    let read = 0;
    for await (const user of realmUsers(admin, realm, pageSize, concurrency)) {
      if (user.id && !seen.add(user.id)) throw new RealmChanged();
      if (user.id) read += 1;
      yield user;
    }
    if ((await admin.users.count({ realm })) !== before || read !== before) throw new RealmChanged();
    let again = 0;
    for await (const user of realmUsers(admin, realm, 1000, concurrency, true)) {
      if (!user.id || !seen.has(user.id)) throw new RealmChanged();
      again += 1;
    }
    if (again !== read) throw new RealmChanged();
  } finally {
    seen.close();
  }
}

/**
 * Where a member is, as the society counts them: imported (③–⑤ to do), in the first login (⑤ done,
 * the factor not registered), enrolled with a passkey or an OTP app, or disabled (whatever the stage).
 */
export const MEMBER_STAGE = {
  imported: "imported",
  firstLogin: "firstLogin",
  passkey: "passkey",
  otp: "otp",
  disabled: "disabled",
} as const;
export type MemberStage = (typeof MEMBER_STAGE)[keyof typeof MEMBER_STAGE];
export const MEMBER_STAGES = Object.values(MEMBER_STAGE);

/** Whether memberStage needs the member's credentials: an enabled member in the enrolling stage. */
export function needsCredentials(user: UserRepresentation): boolean {
  return user.enabled !== false && firstAttribute(user, USER_ATTRIBUTE.stage) === STAGE.enrolling;
}

/** An account holds a card (記号 and 番号): a member, not an admin's or a service's account. */
export function isMember(user: UserRepresentation): boolean {
  return Boolean(firstAttribute(user, USER_ATTRIBUTE.symbol) && firstAttribute(user, USER_ATTRIBUTE.number));
}

/**
 * The member's stage. As in the flow, a missing or unknown kenpoStage counts as imported; an active
 * member is counted by the factor chosen at ⑤ (the flow made them register it before `active`).
 * The flow moves a member from enrolling to active at the login after the one that registered the
 * factor, so an enrolling member's stored credential types (`credentials`, when read) tell whether
 * the factor is there already: then the member is enrolled, by the factor they have.
 */
export function memberStage(user: UserRepresentation, credentials?: readonly string[]): MemberStage {
  if (user.enabled === false) return MEMBER_STAGE.disabled;
  const stage = firstAttribute(user, USER_ATTRIBUTE.stage);
  if (stage === STAGE.enrolling) {
    if (credentials?.includes(CREDENTIAL_TYPE.passkey)) return MEMBER_STAGE.passkey;
    if (credentials?.includes(CREDENTIAL_TYPE.otp)) return MEMBER_STAGE.otp;
    return MEMBER_STAGE.firstLogin;
  }
  if (stage !== STAGE.active) return MEMBER_STAGE.imported;
  return firstAttribute(user, USER_ATTRIBUTE.mfaMethod) === METHOD.passkey ? MEMBER_STAGE.passkey : MEMBER_STAGE.otp;
}
