/**
 * The names the parts of kenpo-keycloak share: the authenticators (run by Keycloak's Nashorn), the
 * theme (React, in the member's browser), the realm config, the member import, the CLI and the tests.
 * Each name is spelled once, here; docs/contracts.md explains what the names mean and who sets them.
 *
 * Renaming a value here renames it everywhere at once — but the values are also stored in Keycloak
 * (user attributes, realm attributes, required actions), so a rename needs a migration of existing
 * realms and members, not only a rebuild.
 *
 * ES5-clean and import-free: the authenticator bundle compiles this file for ES5.1 (rules/es5-clean.test.ts
 * checks it), and the theme imports it from outside its workspace, where only a self-contained file
 * resolves the same way under tsc, Vite and jest.
 */

/** User profile attributes on each member, admin-only (members can neither see nor edit them). */
export const USER_ATTRIBUTE = {
  /** 記号: digits as printed, leading zeros kept. */
  symbol: "kenpoSymbol",
  /** 番号: digits as printed, leading zeros kept. */
  number: "kenpoNumber",
  /** 枝番 (optional): digits. */
  branch: "kenpoBranch",
  /** 生年月日: YYYY-MM-DD. */
  birthdate: "kenpoBirthdate",
  /** Where the member is in the first-login journey: one of STAGE. */
  stage: "kenpoStage",
  /** The factor chosen at ⑤: one of METHOD. */
  mfaMethod: "kenpoMfaMethod",
  /** The society's terms version accepted at ④ (copied from REALM_ATTRIBUTE.termsVersion). */
  termsVersion: "kenpoTermsVersion",
  /** Keycloak's own record of accepted terms (seconds since the epoch), as its TERMS_AND_CONDITIONS action writes it. */
  termsAcceptedAt: "terms_and_conditions",
  /**
   * The society's own number for the person (個人番号 / 加入者番号 column of the register), optional: it outlives a
   * new card, so the register sync keeps the account of a member whose 記号・番号 changed. Never the national My Number.
   */
  personNumber: "kenpoPersonNumber",
  /**
   * Set by the register sync when it disabled the account because the member left the register (YYYY-MM-DD);
   * removed when the member returns. An account disabled without it was disabled by an admin and stays so.
   */
  leftRegister: "kenpoLeftRegister",
} as const;

/** Values of USER_ATTRIBUTE.stage. A missing or unknown value counts as `initial`. */
export const STAGE = {
  /** Imported or reset: ③④⑤ pending. */
  initial: "initial",
  /** ⑤ done, the chosen factor not registered yet. */
  enrolling: "enrolling",
  active: "active",
} as const;
export type Stage = (typeof STAGE)[keyof typeof STAGE];

/** The factors a member can choose at ⑤: the values of FORM_FIELD.method and USER_ATTRIBUTE.mfaMethod. */
export const METHOD = { passkey: "passkey", otp: "otp" } as const;
export type Method = (typeof METHOD)[keyof typeof METHOD];

/** Whether a posted or stored value names a method (anything else is no choice at all). */
export function isMethod(value: string | null | undefined): value is Method {
  return value === METHOD.passkey || value === METHOD.otp;
}

/** Keycloak's required actions our flows queue and the realm config orders and enables. */
export const REQUIRED_ACTION = {
  termsAndConditions: "TERMS_AND_CONDITIONS",
  updatePassword: "UPDATE_PASSWORD",
  updateProfile: "UPDATE_PROFILE",
  verifyEmail: "VERIFY_EMAIL",
  configureTotp: "CONFIGURE_TOTP",
  registerPasskey: "webauthn-register-passwordless",
} as const;

/** Keycloak's credential types. */
export const CREDENTIAL_TYPE = {
  password: "password",
  otp: "otp",
  passkey: "webauthn-passwordless",
  /** Two-factor WebAuthn (security keys); members never register one, a reset still removes it. */
  webauthn: "webauthn",
} as const;

/** What each method is in Keycloak: the credential that proves it and the required action that registers it. */
export const FACTOR: { readonly [M in Method]: { readonly credential: string; readonly requiredAction: string } } = {
  passkey: { credential: CREDENTIAL_TYPE.passkey, requiredAction: REQUIRED_ACTION.registerPasskey },
  otp: { credential: CREDENTIAL_TYPE.otp, requiredAction: REQUIRED_ACTION.configureTotp },
};

/** The pages our authenticators render (Keycloak page ids). login-birthdate and login-method-choice are the theme's own. */
export const PAGE = {
  /** ③, script kenpo-birthdate. */
  birthdate: "login-birthdate.ftl",
  /** ④, script kenpo-terms (Keycloak's own terms page id, so the theme's terms page serves both). */
  terms: "terms.ftl",
  /** ⑤, script kenpo-method-choice. */
  methodChoice: "login-method-choice.ftl",
  /** The email check (the manual's ⑦, before the new password), script kenpo-email-code. */
  emailCode: "login-email-code.ftl",
} as const;

/** Form fields the theme posts and the authenticators read (and tie their errors to). */
export const FORM_FIELD = {
  /** ③ */
  birthdate: "birthdate",
  /** ④: the buttons' names carry the answer, whatever their values. */
  accept: "accept",
  cancel: "cancel",
  /** ⑤: one of METHOD. */
  method: "method",
  /** ⑤: optional new user ID. */
  newUserId: "newUserId",
  /** Email check: the 6-digit code from the mail. */
  emailCode: "emailCode",
  /** Email check, members without an address on file where the society allows it: the address to send the code to. */
  email: "email",
  /** Email check: buttons whose names carry the request (send the code again; enter another address). */
  resend: "resend",
  changeEmail: "changeEmail",
} as const;

/** Attributes the authenticators set on a page's form; they reach the theme's kcContext as is. */
export const FORM_ATTRIBUTE = {
  /** ③: wrong answers left before the lockout, a number; only after a wrong answer that did not lock. */
  attemptsLeft: "kenpoAttemptsLeft",
  /** ⑤: the member's current user ID. */
  currentUserId: "kenpoCurrentUserId",
  /** ⑤: the method posted, shown again after an error. */
  selectedMethod: "kenpoSelectedMethod",
  /** Email check: where the code went, masked (a@…) when the address came from the register. */
  emailShown: "kenpoEmailShown",
  /** Email check, members without an address on file where the society allows them to enter one: EMAIL_ENTRY. */
  emailEntry: "kenpoEmailEntry",
  /** Email check: "true" right after the code was sent again. */
  emailCodeResent: "kenpoEmailCodeResent",
  /** Email check: minutes a code works (EMAIL_CODE.minutes). */
  emailCodeMinutes: "kenpoEmailCodeMinutes",
  /** Pages where a member may need the help desk: REALM_ATTRIBUTE.helpDesk, when set. */
  helpDesk: "kenpoHelpDesk",
  /** ⑤ shown again after OTHER_METHOD_COOKIE: "true"; only the method may change (the user ID field is left out). */
  otherMethod: "kenpoOtherMethod",
  /**
   * ④ shown to an active member (the terms revised): "true". It is then not a step of the first login and
   * shows none. (③ and the email check for a member who lost every device keep the first login's steps, as
   * the set-up pages after them do.)
   */
  pastFirstLogin: "kenpoPastFirstLogin",
} as const;

/**
 * Set by the theme's 「別の方法を選ぶ」 on the factor's registration pages (then the login starts again);
 * kenpo-enrol reads it. A wish, never a permission: ⑤ comes back only after the password and the email
 * check of that new login, and only while the member has no passkey and no OTP app registered.
 */
export const OTHER_METHOD_COOKIE = "KENPO_OTHER_METHOD";

/**
 * The email check's code: digits, how long one works, how many wrong tries one survives (then a new
 * one must be sent), and how many mails one login may send. Wrong codes also count towards the
 * realm's lockout like wrong passwords, so guessing is bounded across logins too.
 */
export const EMAIL_CODE = { digits: 6, minutes: 10, triesPerCode: 5, sendsPerLogin: 5 } as const;

/** FORM_ATTRIBUTE.emailEntry: asked for an address; or the code went to a typed one, which may be changed. */
export const EMAIL_ENTRY = { ask: "ask", change: "change" } as const;

/** Our email theme's templates (theme/src/email) and the subject keys of its messages. */
export const EMAIL_TEMPLATE = { emailCode: "kenpo-email-code.ftl" } as const;
export const EMAIL_SUBJECT = { emailCode: "kenpoEmailCodeSubject" } as const;

/** Message keys the authenticators hand to Keycloak; the theme translates them (theme/src/login/i18n.ts). */
export const MESSAGE = {
  birthdateFormat: "kenpoBirthdateFormat",
  /** Neutral: also what a locked member sees. */
  birthdateWrong: "kenpoBirthdateWrong",
  termsRequired: "kenpoTermsRequired",
  methodRequired: "kenpoMethodRequired",
  userIdInvalid: "kenpoUserIdInvalid",
  userIdTaken: "kenpoUserIdTaken",
  /** ⑤ info page; parameter {0}: the help desk (REALM_ATTRIBUTE.helpDesk). */
  noEmailOnFile: "kenpoNoEmailOnFile",
  /** Email check. Neutral: also what a locked member sees. */
  emailCodeWrong: "kenpoEmailCodeWrong",
  emailCodeFormat: "kenpoEmailCodeFormat",
  /** The code is too old, or used up by wrong tries: send a new one. */
  emailCodeExpired: "kenpoEmailCodeExpired",
  emailCodeSendLimit: "kenpoEmailCodeSendLimit",
  emailCodeSendFailed: "kenpoEmailCodeSendFailed",
  emailInvalid: "kenpoEmailInvalid",
  /** Reset flow info pages (kenpo-reset-gate). */
  resetFirstLogin: "kenpoResetFirstLogin",
  resetLocked: "kenpoResetLocked",
} as const;
export type MessageKey = (typeof MESSAGE)[keyof typeof MESSAGE];

/** Realm attributes provisioning sets from the society config and the authenticators read. */
export const REALM_ATTRIBUTE = {
  /** config termsVersion; copied to USER_ATTRIBUTE.termsVersion at ④. */
  termsVersion: "kenpoTermsVersion",
  /** policies.initialPasswordDays: days an initial password is accepted ("0": forever). */
  initialPasswordDays: "kenpoInitialPasswordDays",
  /** policies.memberEmailEntry: "true" lets a member without an email on file enter one. */
  memberEmailEntry: "kenpoMemberEmailEntry",
  /** config helpDesk (optional): who to call, shown when a member cannot go on alone. */
  helpDesk: "kenpoHelpDesk",
} as const;

/** Client attributes provisioning writes on the society file's apps (portalClients) and the theme reads. */
export const CLIENT_ATTRIBUTE = {
  /**
   * "true" on every client the society file declares: provisioning removes such a client once the file no longer
   * lists it, and never touches a client without it. The login pages' header names such a client's app.
   */
  managed: "kenpoManaged",
} as const;

/** The languages the realm offers (Japanese first, the default) and the only ones the theme ships texts for. */
export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Realm localization keys provisioning sets per locale and the theme reads (the society's own words). */
export const REALM_TEXT = {
  societyName: "kenpoSocietyName",
  portalName: "kenpoPortalName",
  portalUrl: "kenpoPortalUrl",
  /** Keycloak's stock key; HTML allowed. */
  termsText: "termsText",
  /** policies.maxLoginFailures and policies.lockoutMinutes, as digits: the pages say the lockout rule. */
  lockoutFailures: "kenpoLockoutFailures",
  lockoutMinutes: "kenpoLockoutMinutes",
  /**
   * brand.primaryColor ("#rrggbb", checked for contrast with white text) and a darker shade of it (hover), the
   * same in every locale; unset when the society file has no brand. The theme checks the form again before the
   * value reaches CSS: an admin may edit realm texts in the console.
   */
  brandColor: "kenpoBrandColor",
  brandColorDark: "kenpoBrandColorDark",
  /** brand.logo as a data: URI (data:image/png or data:image/svg+xml, base64), shown in the header with societyName as alt. */
  brandLogo: "kenpoBrandLogo",
} as const;

const MAX_LOGO_BYTES = 16 * 1024;

/**
 * The society's brand (REALM_TEXT.brand*) as provisioning accepts it (realm-config/brand.ts) and as the theme
 * accepts it again, in the browser (lib/brand.ts) and in FreeMarker (shell/brandFtl.ts): one definition for all.
 */
export const BRAND = {
  /** "#rrggbb" only: the value goes into CSS, so nothing else (no ";", no url()) may pass. */
  color: /^#[0-9a-fA-F]{6}$/,
  /**
   * The largest logo file accepted. Every login page carries it inline (a base64 data: URI), twice while its
   * shell shows, and Keycloak sends pages uncompressed: 16 KiB of logo is ≈ 44 KB more per page, ≈ 0.24 s on a
   * phone's 3G.
   */
  maxLogoBytes: MAX_LOGO_BYTES,
  /** A base64 PNG or SVG data: URI of at most maxLogoBytes (4 base64 characters per 3 bytes: 21,848). */
  logo: new RegExp(
    // A plain string, not String.raw: the authenticators' ES5 bundle compiles this file too.
    "^data:image\\/(png|svg\\+xml);base64,[A-Za-z0-9+/]{4," + 4 * Math.ceil(MAX_LOGO_BYTES / 3) + "}={0,2}$",
  ),
} as const;
export type RealmTextKey = (typeof REALM_TEXT)[keyof typeof REALM_TEXT];

/**
 * The token's `acr`: how the login ended (the realm's acr.loa.map, set by provisioning). `mfa`: the
 * member's registered factor proven, or registered in this login; `password`: a password alone, which no
 * flow of ours ends with. Applications ask for `mfa` and check it.
 */
export const ACR = { password: "password", mfa: "mfa" } as const;

/**
 * The `kenpo` CLI's exit codes, for the scripts that run it (README lists them per command). One
 * code per kind of failure, so a scheduled job can tell "fix the file" from "fix the server".
 * (`keycloak status` and `cluster status` keep their own 3 = not running, 4 = not ready.)
 */
export const EXIT_CODE = {
  ok: 0,
  /** A failure not listed below. */
  failed: 1,
  /** import-members: some rows are invalid. */
  invalidRows: 1,
  /** import-members: the register cannot be read (file, encoding, columns). */
  unreadableFile: 2,
  /** import-members: rows conflict with accounts in the realm. */
  conflict: 3,
  /** No society given (--config, $KENPO_CONFIG), or its file is unreadable or invalid. */
  invalidConfig: 4,
  /** Keycloak cannot be used: unreachable, the admin login refused, or (provision's check) the server lacks what the realm needs. */
  unfitServer: 5,
  /** provision: a change failed while being applied (a new realm is removed again). */
  applyFailed: 6,
  /** reset-password, unlock: no member with that user ID in the realm. */
  unknownMember: 7,
  /** sync-register: more members would leave than the society's limit allows (policies.registerSyncMaxLeavePercent); --force. */
  leaveGuard: 8,
} as const;
