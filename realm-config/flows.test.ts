import {
  ACR_LOA_MAP,
  declaredFlows,
  flatten,
  MFA_ACR,
  MFA_LEVEL_MAX_AGE_SECONDS,
  resolveConfig,
  treeHash,
  type FlowNode,
} from "./flows.js";

const names = (tree: FlowNode): string[] =>
  tree.children.flatMap((c) => (c.kind === "flow" ? [c.name, ...names(c)] : []));
const configs = (tree: FlowNode): Array<{ name: string; values: Record<string, string> }> =>
  tree.children.flatMap((c) => (c.kind === "execution" ? (c.config ? [c.config] : []) : configs(c)));

const DECLARED_FLOWS = declaredFlows({ termsVersion: "2026-04" });

describe("declared flows", () => {
  test("each realm binding has exactly one flow: browser, reset credentials, direct grant", () => {
    expect(DECLARED_FLOWS.map((f) => f.binding).sort()).toEqual([
      "browserFlow",
      "directGrantFlow",
      "resetCredentialsFlow",
    ]);
  });

  test.each(DECLARED_FLOWS.map((f) => [f.tree.name, f.tree] as const))(
    "%s: config aliases use only characters Keycloak accepts",
    (_name, tree) => {
      // Keycloak refuses "(" and "," in an authenticator config's alias (seen on 26.7).
      for (const c of configs(tree)) expect(c.name).toMatch(/^[a-z0-9 ]+$/);
    },
  );

  test.each(DECLARED_FLOWS.map((f) => [f.tree.name, f.tree] as const))(
    "%s: every {flow:…} reference names a sub-flow of the same tree",
    (_name, tree) => {
      const subFlows = new Set(names(tree));
      for (const c of configs(tree)) {
        for (const value of Object.values(c.values))
          for (const [, ref] of value.matchAll(/\{flow:([^}]+)\}/g)) expect(subFlows).toContain(ref);
      }
    },
  );

  test("every sub-flow that enrols runs the email check first: ⑤'s choice never takes effect on an unproven address", () => {
    const browser = DECLARED_FLOWS.find((f) => f.binding === "browserFlow")!.tree;
    const enrolling: string[] = [];
    const visit = (flow: FlowNode) => {
      const providers = flow.children.map((c) => (c.kind === "execution" ? c.provider : ""));
      const enrol = providers.indexOf("script-kenpo-enrol.js");
      if (enrol >= 0) {
        enrolling.push(flow.name);
        expect(providers.slice(0, enrol)).toContain("script-kenpo-email-code.js");
      }
      for (const c of flow.children) if (c.kind === "flow") visit(c);
    };
    visit(browser);
    expect(enrolling.sort()).toEqual(["kenpo factor lost", "kenpo first login"]);
  });

  test("references resolve to the alias of this build, and flatten shows them resolved", () => {
    expect(
      resolveConfig({ flow_to_check: "{flow:kenpo second factor}", check_result: "not-executed" }, "abcd1234"),
    ).toEqual({
      flow_to_check: "kenpo second factor abcd1234",
      check_result: "not-executed",
    });
    const browser = DECLARED_FLOWS.find((f) => f.binding === "browserFlow")!.tree;
    const suffix = treeHash(browser);
    const checked = flatten(browser, suffix)
      .filter((r) => r.what === "conditional-sub-flow-executed")
      .map((r) => r.config?.flow_to_check);
    expect(checked).toEqual(
      expect.arrayContaining([`kenpo second factor ${suffix}`, `kenpo existing factor ${suffix}`]),
    );
    expect(checked.every((alias) => alias?.endsWith(` ${suffix}`))).toBe(true);
  });

  test("the reset flow proves a registered factor before the new password and never sets one up", () => {
    const reset = DECLARED_FLOWS.find((f) => f.binding === "resetCredentialsFlow")!.tree;
    const rows = flatten(reset, "x").map((r) => `${r.level}:${r.what}:${r.requirement}`);
    expect(rows).toEqual([
      "0:reset-credentials-choose-user:REQUIRED",
      "0:reset-credential-email:REQUIRED",
      "0:script-kenpo-reset-gate.js:REQUIRED",
      "0:kenpo reset factor x:REQUIRED",
      "1:auth-otp-form:ALTERNATIVE",
      "1:webauthn-authenticator-passwordless:ALTERNATIVE",
      "0:reset-password:REQUIRED",
    ]);
    // Keycloak's own reset flow ends in "reset-otp", which deletes the OTP device and registers a new one.
    expect(rows.join()).not.toContain("reset-otp");
  });

  test("a society's realm is never master: provisioning would close the admins' own doors", async () => {
    const { societyConfigSchema } = await import("./schema.js");
    expect(societyConfigSchema.shape.realm.safeParse("master").success).toBe(false);
    expect(societyConfigSchema.shape.realm.safeParse("kenpo-demo").success).toBe(true);
  });

  test("level mfa is recorded once, by the one sub-flow that holds every way to a factor", () => {
    // Keycloak accepts each level once per flow (twice breaks SSO logins), and the sub-flow fails —
    // and the login with it — when none of its ways applies.
    const browser = DECLARED_FLOWS.find((f) => f.binding === "browserFlow")!.tree;
    const rows = flatten(browser, "x");
    const levels = rows.filter((r) => r.what === "conditional-level-of-authentication");
    expect(levels.map((r) => r.config?.["loa-condition-level"])).toEqual([String(ACR_LOA_MAP[MFA_ACR])]);
    const factor = rows.findIndex((r) => r.what === "kenpo factor x");
    expect(rows[factor + 1]?.what).toBe("conditional-level-of-authentication");
    const inside = rows
      .slice(factor + 1)
      .filter((r) => r.level === rows[factor]!.level + 1 && r.what.endsWith(" x"))
      .map((r) => `${r.what}:${r.requirement}`);
    expect(inside).toEqual([
      "kenpo first login x:CONDITIONAL",
      "kenpo second factor x:CONDITIONAL",
      "kenpo factor lost x:CONDITIONAL",
      "kenpo passkey signed in x:CONDITIONAL",
    ]);
    // After the password form only this sub-flow, then the terms again (which proves nothing, so comes after it).
    expect(rows.filter((r) => r.level === rows[factor]!.level).map((r) => r.what)).toEqual([
      "auth-username-password-form",
      "kenpo factor x",
      "kenpo terms again x",
    ]);
  });

  test("re-consent: ④ again after the factor when the member's accepted terms version is not the config's", () => {
    const browser = DECLARED_FLOWS.find((f) => f.binding === "browserFlow")!.tree;
    const rows = flatten(browser, "x");
    const again = rows.findIndex((r) => r.what === "kenpo terms again x");
    expect(rows.slice(again, again + 3)).toEqual([
      { level: 1, what: "kenpo terms again x", requirement: "CONDITIONAL" },
      {
        level: 2,
        what: "conditional-user-attribute",
        requirement: "REQUIRED",
        config: expect.objectContaining({
          attribute_name: "kenpoTermsVersion",
          attribute_expected_value: "2026-04",
          not: "true",
          regex: "false",
        }),
      },
      { level: 2, what: "script-kenpo-terms.js", requirement: "REQUIRED" },
    ]);
    expect(rows.length).toBe(again + 3);
  });

  test.each([
    ["browserFlow", false],
    ["resetCredentialsFlow", true],
    ["directGrantFlow", true],
  ])("a new terms version: %s keeps its alias = %s", (binding, same) => {
    const hash = (termsVersion: string) =>
      treeHash(declaredFlows({ termsVersion }).find((f) => f.binding === binding)!.tree);
    expect(hash("2026-04") === hash("2026-10")).toBe(same);
  });

  test("level mfa lasts at least as long as any SSO session the society file allows", async () => {
    // Were a session to outlive it, an SSO login after the level expired could step up with no level
    // and a client asking for less than mfa could skip the factor sub-flow.
    const { policiesSchema } = await import("./schema.js");
    const longest = policiesSchema.shape.ssoMaxHours.unwrap().maxValue!;
    expect(longest * 60 * 60).toBeLessThanOrEqual(MFA_LEVEL_MAX_AGE_SECONDS);
  });

  test("the direct-grant flow only denies", () => {
    const grant = DECLARED_FLOWS.find((f) => f.binding === "directGrantFlow")!.tree;
    expect(flatten(grant, "x").map((r) => r.what)).toEqual(["deny-access-authenticator"]);
  });
});
