import { createHash } from "node:crypto";
import { SCRIPTS, authenticatorId } from "../authenticators/scripts.js";

/**
 * The member login as a declared tree (pure data, unit-tested). Keycloak runs required actions only
 * after the whole flow, so the steps that must come before them in the manual's order (③ birthdate,
 * ④ terms, ⑤ method choice) are authenticators inside the flow; ⑥ password, ⑦ email and the factor's
 * registration are required actions queued at ⑤, ordered by priority.
 */

export type Requirement = "REQUIRED" | "ALTERNATIVE" | "CONDITIONAL" | "DISABLED";

export interface ExecutionNode {
  kind: "execution";
  provider: string;
  requirement: Requirement;
  config?: { name: string; values: Record<string, string> };
}

export interface FlowNode {
  kind: "flow";
  name: string;
  description: string;
  requirement: Requirement;
  children: Array<ExecutionNode | FlowNode>;
}

const script = (name: string) => authenticatorId(SCRIPTS.find((s) => s.name === name)!);

export function browserFlowTree(): FlowNode {
  return {
    kind: "flow",
    name: "kenpo browser",
    description: "Member login: first login journey (③④⑤), then password + OTP or passkey",
    requirement: "REQUIRED",
    children: [
      { kind: "execution", provider: "auth-cookie", requirement: "ALTERNATIVE" },
      {
        kind: "flow",
        name: "kenpo forms",
        description: "User ID + password, or a passkey on the same page",
        requirement: "ALTERNATIVE",
        children: [
          { kind: "execution", provider: "auth-username-password-form", requirement: "REQUIRED" },
          {
            kind: "flow",
            name: "kenpo first login",
            description: "③ birthdate, ④ terms, ⑤ method choice: only while the member is in the initial stage",
            requirement: "CONDITIONAL",
            children: [
              {
                kind: "execution",
                provider: "conditional-user-attribute",
                requirement: "REQUIRED",
                config: { name: "kenpo stage is initial", values: { attribute_name: "kenpoStage", attribute_expected_value: "initial", not: "false", regex: "false", include_group_attributes: "false" } },
              },
              { kind: "execution", provider: script("kenpo-birthdate"), requirement: "REQUIRED" },
              { kind: "execution", provider: script("kenpo-terms"), requirement: "REQUIRED" },
              { kind: "execution", provider: script("kenpo-method-choice"), requirement: "REQUIRED" },
            ],
          },
          { kind: "execution", provider: script("kenpo-activate"), requirement: "REQUIRED" },
          {
            kind: "flow",
            name: "kenpo second factor",
            description: "Active members who did not sign in with a passkey: OTP code or passkey",
            requirement: "CONDITIONAL",
            children: [
              {
                kind: "execution",
                provider: "conditional-user-attribute",
                requirement: "REQUIRED",
                config: { name: "kenpo stage is active", values: { attribute_name: "kenpoStage", attribute_expected_value: "active", not: "false", regex: "false", include_group_attributes: "false" } },
              },
              {
                kind: "execution",
                provider: "conditional-credential",
                requirement: "REQUIRED",
                config: { name: "kenpo no passkey used yet", values: { credentials: "webauthn-passwordless", included: "false" } },
              },
              { kind: "execution", provider: "auth-otp-form", requirement: "ALTERNATIVE" },
              { kind: "execution", provider: "webauthn-authenticator-passwordless", requirement: "ALTERNATIVE" },
            ],
          },
        ],
      },
    ],
  };
}

/** A short fingerprint of the tree: the flow's alias carries it, so a changed tree is a new flow. */
export function treeHash(tree: FlowNode): string {
  return createHash("sha256").update(JSON.stringify(tree)).digest("hex").slice(0, 8);
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
      rows.push({ level, what: child.provider, requirement: child.requirement, ...(child.config ? { config: child.config.values } : {}) });
    } else {
      rows.push({ level, what: `${child.name} ${suffix}`, requirement: child.requirement });
      rows.push(...flatten(child, suffix, level + 1));
    }
  }
  return rows;
}
