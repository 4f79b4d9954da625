/**
 * Our JavaScript authenticators, as listed in the JAR's META-INF/keycloak-scripts.json.
 * Keycloak registers each one as authenticator "script-<fileName>".
 */
export interface ScriptAuthenticator {
  /** Source under authenticators/src/ (without .ts); the JAR holds "<name>.js". */
  name: string;
  displayName: string;
  description: string;
}

export const SCRIPTS: ScriptAuthenticator[] = [
  {
    name: "kenpo-birthdate",
    displayName: "kenpo: birthdate check (③)",
    description: "The member confirms 生年月日; wrong answers count as failed logins (brute-force lockout).",
  },
  {
    name: "kenpo-terms",
    displayName: "kenpo: terms of use (④)",
    description: "Shows the terms inside the flow and records acceptance like TERMS_AND_CONDITIONS.",
  },
  {
    name: "kenpo-method-choice",
    displayName: "kenpo: authentication method choice (⑤)",
    description: "Passkey or OTP app, optional user ID change; takes effect once the email is proven.",
  },
  {
    name: "kenpo-email-code",
    displayName: "kenpo: email check (code by mail)",
    description:
      "A code mailed to the address on file, typed in this login; then ⑤'s choice takes effect and the new password is queued.",
  },
  {
    name: "kenpo-enrol",
    displayName: "kenpo: enrolment",
    description:
      "Members without a proven factor: queues the chosen factor's registration, or marks the member active once it is registered.",
  },
  {
    name: "kenpo-reset-gate",
    displayName: "kenpo: reset gate",
    description:
      "Password reset: only active members with a registered factor go on; others are told what to do instead.",
  },
];

export function authenticatorId(script: ScriptAuthenticator): string {
  return `script-${script.name}.js`;
}
