import { desiredRealmSettings } from "../desired-realm.js";
import { diffFields } from "../diff.js";
import type { Change, Section } from "../plan-types.js";
import type { SocietyConfig } from "../schema.js";

function summarize(config: SocietyConfig): string[] {
  const p = config.policies;
  return [
    "locales: ja (default), en; login theme kenpo",
    `password: ${desiredRealmSettings(config).passwordPolicy}`,
    `lockout: ${p.maxLoginFailures} failures → ${p.lockoutMinutes} min; login timeout ${p.loginTimeoutMinutes} min`,
    "OTP: TOTP, SHA1, 6 digits, 30 s; passkeys: resident key, user verification required",
    config.smtp ? `SMTP: ${config.smtp.host}:${config.smtp.port}` : "SMTP: none",
  ];
}

/** The realm itself and its settings: locales, theme, policies, lockout, lifespans, SMTP. */
export const realmSection: Section = {
  name: "realm",
  async plan({ admin, config, realmExists }): Promise<Change[]> {
    const desired = desiredRealmSettings(config);
    if (!realmExists) {
      return [
        {
          section: "realm",
          action: "create",
          target: `realm ${config.realm}`,
          details: summarize(config),
          apply: async () => {
            await admin.realms.create(desired);
          },
        },
      ];
    }
    const current = await admin.realms.findOne({ realm: config.realm });
    // Keycloak masks the stored SMTP password as "**********"; compare everything else.
    const comparable = { ...desired, smtpServer: desired.smtpServer && { ...desired.smtpServer } };
    if (comparable.smtpServer && current?.smtpServer?.password === "**********") delete comparable.smtpServer.password;
    const details = diffFields(current as Record<string, unknown>, comparable, ["password"]);
    if (details.length === 0) return [];
    return [
      {
        section: "realm",
        action: "update",
        target: `realm ${config.realm}`,
        details,
        apply: async () => {
          await admin.realms.update({ realm: config.realm }, desired);
        },
      },
    ];
  },
};
