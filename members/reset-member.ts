import { t } from "../admin-messages/catalogue.js";
import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { CREDENTIAL_TYPE, EXIT_CODE, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { hashAlgorithmFromPolicy, hashPassword } from "./password-hash.js";

/** Credentials that are a member's second factor: OTP apps and passkeys. */
export const MFA_CREDENTIAL_TYPES: string[] = [CREDENTIAL_TYPE.otp, CREDENTIAL_TYPE.passkey, CREDENTIAL_TYPE.webauthn];

export interface ResetResult {
  userId: string;
  removedDevices: Array<{ type: string; name: string }>;
  keptDevices: Array<{ type: string; name: string }>;
}

export class MemberNotFound extends Error {
  readonly exitCode = EXIT_CODE.unknownMember;
}

export async function findMember(
  admin: KcAdminClient,
  realm: string,
  userId: string,
): Promise<UserRepresentation & { id: string }> {
  const [user] = await admin.users.find({ realm, username: userId, exact: true });
  if (!user?.id) throw new MemberNotFound(t("resetNoMember", { userId, realm }));
  return user as UserRepresentation & { id: string };
}

/**
 * The help-desk reset: the member's password goes back to the initial password from the card and
 * the member starts the first-login journey again at ③. The password is written as a stored
 * credential hashed here (as the import does), not through Keycloak's password update: that one
 * applies the password policy, whose history refuses the initial password whenever it is still the
 * current one (a member who never logged in) or one of the last few. The history itself stays: at
 * ⑥ it still refuses the initial password (the current one) and the member's last own passwords.
 * With removeMfa (phone lost or changed) the OTP devices and passkeys are deleted too, and the
 * email address has to be confirmed again at ⑦ unless keepEmailVerified: whoever has the phone
 * may have had the mailbox.
 */
export async function resetMember(
  admin: KcAdminClient,
  realm: string,
  user: UserRepresentation & { id: string },
  initialPassword: string,
  options: { removeMfa?: boolean; keepEmailVerified?: boolean } = {},
): Promise<ResetResult> {
  const realmRep = await admin.realms.findOne({ realm });
  if (!realmRep) throw new Error(`realm ${realm} does not exist`);
  const password = await hashPassword(initialPassword, hashAlgorithmFromPolicy(realmRep.passwordPolicy));
  const credentials = await admin.users.getCredentials({ realm, id: user.id });
  const devices = credentials.filter((c) => MFA_CREDENTIAL_TYPES.includes(c.type ?? ""));
  const describe = (c: (typeof credentials)[number]) => ({ type: c.type ?? "", name: c.userLabel ?? "(no name)" });
  const attributes: Record<string, unknown> = { ...user.attributes, [USER_ATTRIBUTE.stage]: [STAGE.initial] };
  delete attributes[USER_ATTRIBUTE.mfaMethod];
  const unverify = Boolean(options.removeMfa) && !options.keepEmailVerified;
  // One request: the password, the stage and the required actions change together or not at all.
  await admin.users.update(
    { realm, id: user.id },
    {
      ...user,
      attributes,
      requiredActions: [],
      ...(unverify ? { emailVerified: false } : {}),
      credentials: [{ ...password, temporary: false }],
    },
  );
  if (options.removeMfa) {
    for (const device of devices) await admin.users.deleteCredential({ realm, id: user.id, credentialId: device.id! });
  }
  // The help desk has checked who is calling: a lockout from earlier wrong answers ends here.
  await admin.attackDetection.del({ realm, id: user.id });
  // A reset also ends every session the member (or whoever had the password) still has.
  await admin.users.logout({ realm, id: user.id });
  return {
    userId: user.username ?? "",
    removedDevices: options.removeMfa ? devices.map(describe) : [],
    keptDevices: options.removeMfa ? [] : devices.map(describe),
  };
}
