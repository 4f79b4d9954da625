import { createHash } from "node:crypto";
import { SCRIPTS, authenticatorId } from "../authenticators/scripts.js";
import { ACR, CREDENTIAL_TYPE, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";

/**
 * Every authentication flow a member can reach, as declared trees (pure data, unit-tested), each
 * bound to its realm binding. Keycloak creates a realm with its own browser, reset-credentials and
 * direct-grant flows; a member realm binds ours to all three, so no stock flow is reachable.
 *
 * Browser: Keycloak runs required actions only after the whole flow, so the steps that must come
 * before them (③ birthdate, ④ terms, ⑤ method choice, the email check) are authenticators inside
 * the flow; the new password and the factor's registration are required actions queued once the
 * email check has proven the address (nothing chosen at ⑤ takes effect before it).
 * Returning members (stage active, a factor registered) run stock conditions and authenticators only.
 */

export type Requirement = "REQUIRED" | "ALTERNATIVE" | "CONDITIONAL" | "DISABLED";

export interface ExecutionNode {
  kind: "execution";
  provider: string;
  requirement: Requirement;
  /** Values may name a sub-flow of the same tree as `{flow:<name>}`, resolved to its alias. */
  config?: { name: string; values: Record<string, string> };
}

export interface FlowNode {
  kind: "flow";
  name: string;
  description: string;
  requirement: Requirement;
  children: Array<ExecutionNode | FlowNode>;
}

/** The realm binding each top-level flow is bound to (RealmRepresentation field). */
export type FlowBinding = "browserFlow" | "resetCredentialsFlow" | "directGrantFlow";

export interface DeclaredFlow {
  binding: FlowBinding;
  tree: FlowNode;
}

const script = (name: string) => authenticatorId(SCRIPTS.find((s) => s.name === name)!);

function attributeIs(name: string, attribute: string, value: string, not = false): ExecutionNode {
  return {
    kind: "execution",
    provider: "conditional-user-attribute",
    requirement: "REQUIRED",
    config: {
      name,
      values: {
        attribute_name: attribute,
        attribute_expected_value: value,
        not: String(not),
        regex: "false",
        include_group_attributes: "false",
      },
    },
  };
}

const stageIs = (name: string, value: string, not = false) => attributeIs(name, USER_ATTRIBUTE.stage, value, not);

/** True while the member did not sign in with a passkey in this login (the passkey alone is two factors). */
function passkeyNotUsed(name: string): ExecutionNode {
  return {
    kind: "execution",
    provider: "conditional-credential",
    requirement: "REQUIRED",
    config: { name, values: { credentials: CREDENTIAL_TYPE.passkey, included: "false" } },
  };
}

/** True while the named sub-flow of the same tree has not succeeded in this login. */
function notPassed(name: string, flow: string): ExecutionNode {
  return {
    kind: "execution",
    provider: "conditional-sub-flow-executed",
    requirement: "REQUIRED",
    config: { name, values: { flow_to_check: `{flow:${flow}}`, check_result: "not-executed" } },
  };
}

const exec = (provider: string, requirement: Requirement = "REQUIRED"): ExecutionNode => ({
  kind: "execution",
  provider,
  requirement,
});

/**
 * Level of authentication, told to applications as the token's `acr` (contracts ACR). SSO logins
 * keep the level for as long as a session may last (the schema allows at most 72 hours); Keycloak's
 * own session lifetime ends it sooner.
 */
export const ACR_LOA_MAP = { [ACR.password]: 1, [ACR.mfa]: 2 } as const;
export const MFA_ACR = ACR.mfa;
/** Client attribute: the lowest acr Keycloak lets the client's logins end with. */
export const MINIMUM_ACR_ATTRIBUTE = "minimum.acr.value";
export const MFA_LEVEL_MAX_AGE_SECONDS = 72 * 60 * 60;

/**
 * Records level "mfa" when its sub-flow succeeds. Keycloak allows each level once per flow (a second
 * condition of the same level breaks every SSO login: "Duplicate key", seen on 26.7), so one sub-flow
 * holds every way to a factor. The condition is true while no level was reached in this login, which
 * is always so when it is evaluated: every browser client asks for "mfa" (side-doors), so a weaker SSO
 * session steps up with no level, and an "mfa" one never enters the forms.
 */
function recordsMfa(name: string): ExecutionNode {
  return {
    kind: "execution",
    provider: "conditional-level-of-authentication",
    requirement: "REQUIRED",
    config: {
      name,
      values: { "loa-condition-level": String(ACR_LOA_MAP.mfa), "loa-max-age": String(MFA_LEVEL_MAX_AGE_SECONDS) },
    },
  };
}

/** A registered factor of the member's own: a code from an OTP app, or the passkey. */
const FACTOR_ALTERNATIVES: ExecutionNode[] = [
  exec("auth-otp-form", "ALTERNATIVE"),
  exec("webauthn-authenticator-passwordless", "ALTERNATIVE"),
];

/**
 * `termsVersion` is the society's current terms version: a member whose accepted version differs meets ④ again
 * once the factor is proven. The condition is stock (the version is written into the flow), so returning members
 * with the current version still run no script; a new version is a new tree, hence a new flow (see treeHash).
 */
export function browserFlowTree(termsVersion: string): FlowNode {
  return {
    kind: "flow",
    name: "kenpo browser",
    description: "Member login: first login journey (③④⑤), then password + OTP or passkey",
    requirement: "REQUIRED",
    children: [
      exec("auth-cookie", "ALTERNATIVE"),
      {
        kind: "flow",
        name: "kenpo forms",
        description: "User ID + password, or a passkey on the same page",
        requirement: "ALTERNATIVE",
        children: [
          exec("auth-username-password-form"),
          {
            kind: "flow",
            name: "kenpo factor",
            description:
              "Exactly one of these applies to every member; if none did, this flow would fail and so would the login. Its success is level mfa",
            requirement: "CONDITIONAL",
            children: [
              recordsMfa("kenpo factor records mfa"),
              {
                kind: "flow",
                name: "kenpo first login",
                description:
                  "Any stage but active (initial, enrolling, missing, unknown): the first login or the enrolment",
                requirement: "CONDITIONAL",
                children: [
                  stageIs("kenpo stage is not active", STAGE.active, true),
                  {
                    kind: "flow",
                    name: "kenpo existing factor",
                    description:
                      "A member who still has a registered factor (help-desk reset without removing devices, an enrolment finished earlier) proves it before anything changes",
                    requirement: "CONDITIONAL",
                    children: [
                      { kind: "execution", provider: "conditional-user-configured", requirement: "REQUIRED" },
                      passkeyNotUsed("kenpo passkey not used before first steps"),
                      ...FACTOR_ALTERNATIVES,
                    ],
                  },
                  {
                    kind: "flow",
                    name: "kenpo first steps",
                    description: "③ birthdate, ④ terms, ⑤ method choice, unless ⑤ was done (enrolling)",
                    requirement: "CONDITIONAL",
                    children: [
                      stageIs("kenpo stage is not enrolling", STAGE.enrolling, true),
                      exec(script("kenpo-birthdate")),
                      exec(script("kenpo-terms")),
                      exec(script("kenpo-method-choice")),
                    ],
                  },
                  exec(script("kenpo-email-code")),
                  exec(script("kenpo-enrol")),
                ],
              },
              {
                kind: "flow",
                name: "kenpo second factor",
                description:
                  "Active members with a registered factor who did not sign in with the passkey: OTP code or passkey",
                requirement: "CONDITIONAL",
                children: [
                  stageIs("kenpo stage is active", STAGE.active),
                  { kind: "execution", provider: "conditional-user-configured", requirement: "REQUIRED" },
                  passkeyNotUsed("kenpo passkey not used"),
                  notPassed("kenpo existing factor not passed", "kenpo existing factor"),
                  ...FACTOR_ALTERNATIVES,
                ],
              },
              {
                kind: "flow",
                name: "kenpo factor lost",
                description:
                  "Active members with no factor left (devices deleted): ③ again, the email check, then enrol; never a session without a factor",
                requirement: "CONDITIONAL",
                children: [
                  stageIs("kenpo stage is active with no factor", STAGE.active),
                  passkeyNotUsed("kenpo passkey not used with no factor"),
                  notPassed("kenpo second factor not passed", "kenpo second factor"),
                  notPassed("kenpo existing factor not passed either", "kenpo existing factor"),
                  exec(script("kenpo-birthdate")),
                  exec(script("kenpo-email-code")),
                  exec(script("kenpo-enrol")),
                ],
              },
              {
                kind: "flow",
                name: "kenpo passkey signed in",
                description: "The passkey on the login page is a factor of its own (device + biometrics/PIN)",
                requirement: "CONDITIONAL",
                children: [
                  {
                    kind: "execution",
                    provider: "conditional-credential",
                    requirement: "REQUIRED",
                    config: {
                      name: "kenpo passkey used",
                      values: { credentials: CREDENTIAL_TYPE.passkey, included: "true" },
                    },
                  },
                  exec("allow-access-authenticator"),
                ],
              },
            ],
          },
          {
            kind: "flow",
            name: "kenpo terms again",
            description:
              "Re-consent: a member who accepted another terms version (or none recorded) meets ④ again after the factor; declining logs nobody in",
            requirement: "CONDITIONAL",
            children: [
              attributeIs("kenpo terms version is not current", USER_ATTRIBUTE.termsVersion, termsVersion, true),
              exec(script("kenpo-terms")),
            ],
          },
        ],
      },
    ],
  };
}

/**
 * 「パスワードを再設定する」: the emailed link alone never yields a session or a new password. Only an
 * active member goes on, proves a registered factor of their own, then chooses the new password
 * (a required action, after the factor) and logs in again with it. No factor is ever registered here.
 */
export function resetCredentialsFlowTree(): FlowNode {
  return {
    kind: "flow",
    name: "kenpo reset credentials",
    description:
      "Password reset: emailed link, then the member's own registered factor, then the new password; log in again",
    requirement: "REQUIRED",
    children: [
      exec("reset-credentials-choose-user"),
      {
        kind: "execution",
        provider: "reset-credential-email",
        requirement: "REQUIRED",
        config: { name: "kenpo force login after reset", values: { "force-login": "true" } },
      },
      exec(script("kenpo-reset-gate")),
      {
        kind: "flow",
        name: "kenpo reset factor",
        description: "A code from the member's OTP app, or the member's passkey",
        requirement: "REQUIRED",
        children: [...FACTOR_ALTERNATIVES],
      },
      exec("reset-password"),
    ],
  };
}

/** The password grant: no member gets tokens without the browser flow's steps, whatever the client. */
export function directGrantFlowTree(): FlowNode {
  return {
    kind: "flow",
    name: "kenpo direct grant",
    description: "Refuses every password grant: members log in through the browser flow only",
    requirement: "REQUIRED",
    children: [exec("deny-access-authenticator")],
  };
}

/** The realm bindings our flows take, whatever the society's config. */
export const FLOW_BINDINGS: FlowBinding[] = ["browserFlow", "resetCredentialsFlow", "directGrantFlow"];

/** The society's flows: the browser flow carries its terms version (re-consent). */
export function declaredFlows(config: { termsVersion: string }): DeclaredFlow[] {
  return [
    { binding: "browserFlow", tree: browserFlowTree(config.termsVersion) },
    { binding: "resetCredentialsFlow", tree: resetCredentialsFlowTree() },
    { binding: "directGrantFlow", tree: directGrantFlowTree() },
  ];
}

/** A short fingerprint of the tree: the flow's alias carries it, so a changed tree is a new flow. */
export function treeHash(tree: FlowNode): string {
  return createHash("sha256").update(JSON.stringify(tree)).digest("hex").slice(0, 8);
}

/** `{flow:<name>}` in a config value → that sub-flow's alias in this build. */
export function resolveConfig(values: Record<string, string>, suffix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      v.replace(/\{flow:([^}]+)\}/g, (_m, name: string) => `${name} ${suffix}`),
    ]),
  );
}

export interface FlatExecution {
  level: number;
  /** providerId for executions, the sub-flow's display name for flows. */
  what: string;
  requirement: Requirement;
  config?: Record<string, string>;
}

/** The tree in the order Keycloak's admin API lists executions (depth first). */
export function flatten(tree: FlowNode, suffix: string, level = 0): FlatExecution[] {
  const rows: FlatExecution[] = [];
  for (const child of tree.children) {
    if (child.kind === "execution") {
      rows.push({
        level,
        what: child.provider,
        requirement: child.requirement,
        ...(child.config ? { config: resolveConfig(child.config.values, suffix) } : {}),
      });
    } else {
      rows.push({ level, what: `${child.name} ${suffix}`, requirement: child.requirement });
      rows.push(...flatten(child, suffix, level + 1));
    }
  }
  return rows;
}
