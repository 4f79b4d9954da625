import type { Browser } from "playwright-core";
import { launchBrowser } from "../../journeys/browser.js";
import {
  importMembers,
  newTestMember,
  provisionBrowserRealm,
  type BrowserRealm,
  type TestMember,
} from "../../journeys/browser-realm.js";
import { Journey } from "../../journeys/journey-record.js";
import { memberSession, type MemberSession } from "../../journeys/browser-journeys.js";
import { REQUIRED_ACTION, STAGE, USER_ATTRIBUTE, type Method } from "../../contracts/index.js";
import type { SocietyConfig } from "../../realm-config/schema.js";
import { firstAttribute } from "../../members/attributes.js";

/** Jest applies testTimeout only globally, not per project: end-to-end hooks and tests carry this one. */
export const E2E_TIMEOUT = 5 * 60_000;

/**
 * One realm (with portal and mailbox) and one chromium per test file, created in beforeAll and
 * removed in afterAll.
 */
export function browserSuite(prefix: string, policies: Partial<SocietyConfig["policies"]> = {}) {
  const suite = {} as { realm: BrowserRealm; browser: Browser };
  beforeAll(async () => {
    suite.realm = await provisionBrowserRealm(prefix, policies);
    suite.browser = await launchBrowser();
  }, E2E_TIMEOUT);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.realm?.cleanup();
  }, E2E_TIMEOUT);
  return {
    get realm() {
      return suite.realm;
    },
    get browser() {
      return suite.browser;
    },
    /** Imports a new member (stage initial, initial password) and starts recording their journey. */
    async newMember(journeyName: string, overrides: Partial<TestMember> = {}): Promise<MemberSession> {
      const member = newTestMember(overrides);
      await importMembers(suite.realm, [member]);
      return memberSession(suite.realm, new Journey(journeyName), member);
    },
  };
}

/** The member's stored credentials and contract attributes, as the admin sees them. */
export async function memberState(realm: BrowserRealm, userId: string) {
  const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: userId, exact: true });
  if (!user?.id) throw new Error(`no user ${userId} in ${realm.config.realm}`);
  const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user.id });
  return {
    user,
    stage: firstAttribute(user, USER_ATTRIBUTE.stage),
    method: firstAttribute(user, USER_ATTRIBUTE.mfaMethod),
    credentials: credentials.map((c) => ({ type: c.type, label: c.userLabel })),
  };
}

/**
 * The state the first-login flow leaves after ⑤ (the terms accepted): the method chosen, its set-up pending. With
 * VERIFY_EMAIL among the actions (a state of realms from before the email check), the address is still unproven, so
 * the email check comes first; otherwise it was proven, as the flow leaves it.
 */
export async function leaveEnrolmentPending(
  realm: BrowserRealm,
  userId: string,
  method: Method,
  actions: string[],
): Promise<void> {
  const { user } = await memberState(realm, userId);
  await realm.admin.users.update(
    { realm: realm.config.realm, id: user.id! },
    {
      ...user,
      attributes: {
        ...user.attributes,
        [USER_ATTRIBUTE.stage]: [STAGE.enrolling],
        [USER_ATTRIBUTE.mfaMethod]: [method],
        // ④ was accepted before ⑤: without the version the login would ask for the terms again.
        [USER_ATTRIBUTE.termsVersion]: [realm.config.termsVersion],
      },
      requiredActions: actions,
      emailVerified: !actions.includes(REQUIRED_ACTION.verifyEmail),
    },
  );
}

export function printCounts(label: string, counts: { screens: number; pageLoads: number; inputs: number }): void {
  // Printed, never asserted: a benchmark-like figure for the "page transitions and inputs".
  process.stdout.write(
    `\n[e2e counts] ${label}: ${counts.screens} screens, ${counts.pageLoads} page loads, ${counts.inputs} member inputs\n`,
  );
}
