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
  { name: "kenpo-birthdate", displayName: "kenpo: birthdate check (③)", description: "The member confirms 生年月日; wrong answers count as failed logins (brute-force lockout)." },
  { name: "kenpo-terms", displayName: "kenpo: terms of use (④)", description: "Shows the terms inside the flow and records acceptance like TERMS_AND_CONDITIONS." },
  { name: "kenpo-method-choice", displayName: "kenpo: authentication method choice (⑤)", description: "Passkey or OTP app, optional user ID change; queues password, email and factor registration." },
  { name: "kenpo-activate", displayName: "kenpo: activate member", description: "Marks the member active once the chosen factor is registered, so the second factor is asked from then on." },
];

export function authenticatorId(script: ScriptAuthenticator): string {
  return `script-${script.name}.js`;
}
