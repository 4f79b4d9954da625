import type KcAdminClient from "@keycloak/keycloak-admin-client";
import type EventRepresentation from "@keycloak/keycloak-admin-client/lib/defs/eventRepresentation.js";
import type EventType from "@keycloak/keycloak-admin-client/lib/defs/eventTypes.js";
import { format, localeOf, t, type MessageKey } from "../admin-messages/catalogue.js";
import { CREDENTIAL_TYPE, STAGE, USER_ATTRIBUTE } from "../contracts/index.js";
import { describeKey, describePersonNumber, memberKey } from "../rules/member-key.js";
import { normalizeUserId } from "../rules/user-id.js";
import { firstAttribute } from "./attributes.js";
import { MFA_CREDENTIAL_TYPES, findMember } from "./reset-member.js";

/**
 * The help desk's look-ups (`kenpo member`, `kenpo events`): what a phone call needs to know about a
 * member without the admin console — where they are in the first login, whether the account is on,
 * which devices they registered (by the names they gave them), whether they are locked out, and
 * their last logins from Keycloak's stored events. Read-only; card and person numbers masked.
 */

export interface Device {
  kind: "passkey" | "otp" | "security key";
  name: string;
  /** ISO time the device was registered. */
  registered?: string;
}

export interface LoginEvent {
  /** ISO time. */
  time: string;
  type: string;
  client?: string;
  ip?: string;
  error?: string;
  /** The details that say how, never codes or tokens. */
  details?: Record<string, string>;
}

export interface MemberView {
  userId: string;
  enabled: boolean;
  /** Why a disabled account is off: the register sync's date, or an admin. */
  disabledBy?: { registerSync: string } | "admin";
  /** Masked: 記号 12 番号 34***89 枝番 00; absent for an account without card data. */
  card?: string;
  personNumber?: string;
  /** The stored value; missing or unknown counts as initial (effectiveStage). */
  stage?: string;
  effectiveStage: string;
  method?: string;
  emailVerified: boolean;
  devices: Device[];
  lock: { locked: boolean; failures: number; lastFailure?: string; lastFailureIp?: string };
  /** False when the realm does not store login events: lastLogins is then empty for that reason. */
  eventsStored: boolean;
  lastLogins: LoginEvent[];
}

const LOGIN_TYPES: EventType[] = ["LOGIN", "LOGIN_ERROR"];
const SHOWN_DETAILS = ["auth_method", "credential_type", "custom_required_action", "reason"];
const DEVICE_KIND: Record<string, Device["kind"]> = {
  [CREDENTIAL_TYPE.passkey]: "passkey",
  [CREDENTIAL_TYPE.otp]: "otp",
  [CREDENTIAL_TYPE.webauthn]: "security key",
};

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : undefined);

function loginEvent(e: EventRepresentation): LoginEvent {
  const details = Object.fromEntries(
    Object.entries(e.details ?? {}).filter(([k, v]) => SHOWN_DETAILS.includes(k) && typeof v === "string"),
  ) as Record<string, string>;
  return {
    time: iso(e.time) ?? "",
    type: String(e.type ?? ""),
    ...(e.clientId ? { client: e.clientId } : {}),
    ...(e.ipAddress ? { ip: e.ipAddress } : {}),
    ...(e.error ? { error: e.error } : {}),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}

/** A date as the help desk types it: YYYY-MM-DD (what Keycloak's event search takes). */
export function sinceDate(value: string): string {
  const v = value.normalize("NFKC").trim();
  const date = new Date(`${v}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v)
    throw new Error(`--since ${value}: use a date as YYYY-MM-DD, e.g. 2026-11-01`);
  return v;
}

async function eventsStored(admin: KcAdminClient, realm: string): Promise<boolean> {
  return Boolean((await admin.realms.findOne({ realm }))?.eventsEnabled);
}

export async function lookUpMember(
  admin: KcAdminClient,
  realm: string,
  userIdInput: string,
  options: { logins?: number } = {},
): Promise<MemberView> {
  const user = await findMember(admin, realm, normalizeUserId(userIdInput));
  const attribute = (name: string) => firstAttribute(user, name);
  const [credentials, brute, stored] = await Promise.all([
    admin.users.getCredentials({ realm, id: user.id }),
    admin.attackDetection.findOne({ realm, id: user.id }),
    eventsStored(admin, realm),
  ]);
  const lastLogins = stored
    ? await admin.realms.findEvents({ realm, user: user.id, type: LOGIN_TYPES, max: options.logins ?? 5 })
    : [];
  const key = memberKey(
    attribute(USER_ATTRIBUTE.symbol),
    attribute(USER_ATTRIBUTE.number),
    attribute(USER_ATTRIBUTE.branch),
  );
  const stage = attribute(USER_ATTRIBUTE.stage);
  const left = attribute(USER_ATTRIBUTE.leftRegister);
  const person = attribute(USER_ATTRIBUTE.personNumber);
  const method = attribute(USER_ATTRIBUTE.mfaMethod);
  const enabled = user.enabled !== false;
  return {
    userId: user.username ?? "",
    enabled,
    ...(enabled ? {} : { disabledBy: left ? { registerSync: left } : ("admin" as const) }),
    ...(key ? { card: describeKey(key) } : {}),
    ...(person ? { personNumber: describePersonNumber(person) } : {}),
    ...(stage ? { stage } : {}),
    effectiveStage: Object.values<string>(STAGE).includes(stage ?? "") ? stage! : STAGE.initial,
    ...(method ? { method } : {}),
    emailVerified: Boolean(user.emailVerified),
    devices: credentials
      .filter((c) => MFA_CREDENTIAL_TYPES.includes(c.type ?? ""))
      .map((c) => ({
        kind: DEVICE_KIND[c.type ?? ""]!,
        name: c.userLabel ?? "(no name)",
        ...(c.createdDate ? { registered: iso(c.createdDate) } : {}),
      })),
    lock: {
      locked: Boolean(brute?.disabled),
      failures: Number(brute?.numFailures ?? 0),
      ...(brute?.lastFailure ? { lastFailure: iso(Number(brute.lastFailure)) } : {}),
      ...(brute?.lastIPFailure ? { lastFailureIp: String(brute.lastIPFailure) } : {}),
    },
    eventsStored: stored,
    lastLogins: lastLogins.map(loginEvent),
  };
}

export interface MemberEvents {
  userId: string;
  since?: string;
  eventsStored: boolean;
  /** Newest first. */
  events: LoginEvent[];
}

export async function memberEvents(
  admin: KcAdminClient,
  realm: string,
  userIdInput: string,
  options: { since?: string; max?: number } = {},
): Promise<MemberEvents> {
  const since = options.since === undefined ? undefined : sinceDate(options.since);
  const user = await findMember(admin, realm, normalizeUserId(userIdInput));
  const stored = await eventsStored(admin, realm);
  const events = stored
    ? await admin.realms.findEvents({
        realm,
        user: user.id,
        ...(since ? { dateFrom: since } : {}),
        max: options.max ?? 100,
      })
    : [];
  return {
    userId: user.username ?? "",
    ...(since ? { since } : {}),
    eventsStored: stored,
    events: events.map(loginEvent),
  };
}

function eventLine(e: LoginEvent): string {
  const how = Object.entries(e.details ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  return [
    e.time.replace("T", " ").replace(/\.\d+Z$/, " UTC"),
    e.type,
    e.client,
    e.ip,
    e.error && `error=${e.error}`,
    how,
  ]
    .filter(Boolean)
    .join("  ");
}

const STAGE_TEXT = { initial: "stageInitial", enrolling: "stageEnrolling", active: "stageActive" } as const;
const METHOD_TEXT = { passkey: "methodPasskey", otp: "methodOtp" } as const;
const DEVICE_TEXT = { ...METHOD_TEXT, "security key": "deviceSecurityKey" } as const;

/** A stored value in the admin's words where it is one we know, else as stored. */
function named(texts: Readonly<Record<string, MessageKey>>, value: string): string {
  return Object.hasOwn(texts, value) ? format(localeOf(), texts[value]!) : value;
}

/** What the help desk reads on the phone, in the admin's language (the manual's words in Japanese). */
export function memberText(view: MemberView): string {
  const { userId, lock } = view;
  const stage = named(STAGE_TEXT, view.effectiveStage);
  const lines = [
    view.enabled
      ? t("deskEnabled", { userId })
      : view.disabledBy === "admin"
        ? t("deskDisabledByAdmin", { userId })
        : t("deskDisabledLeft", { userId, date: view.disabledBy?.registerSync ?? "" }),
    view.card === undefined
      ? view.personNumber
        ? t("deskNoCardPerson", { person: view.personNumber })
        : t("deskNoCard")
      : view.personNumber
        ? t("deskCardPerson", { card: view.card, person: view.personNumber })
        : t("deskCard", { card: view.card }),
    (view.stage === view.effectiveStage
      ? t("deskStage", { stage })
      : t("deskStageStored", { stage, stored: view.stage ?? t("deskStoredNone") })) +
      (view.method ? t("deskMethod", { method: named(METHOD_TEXT, view.method) }) : "") +
      t(view.emailVerified ? "deskEmailConfirmed" : "deskEmailNotConfirmed"),
    view.devices.length === 0
      ? t("deskNoDevices")
      : t("deskDevices", {
          devices: view.devices
            .map((d) => {
              const kind = named(DEVICE_TEXT, d.kind);
              return d.registered
                ? t("deskDeviceRegistered", { kind, name: d.name, date: d.registered.slice(0, 10) })
                : t("deskDevice", { kind, name: d.name });
            })
            .join(", "),
        }),
    lock.locked
      ? t("deskLocked", {
          failures: lock.failures,
          last: !lock.lastFailure
            ? ""
            : lock.lastFailureIp
              ? t("deskLastFailureFrom", { time: lock.lastFailure, ip: lock.lastFailureIp })
              : t("deskLastFailure", { time: lock.lastFailure }),
        })
      : t("deskNotLocked", { failures: lock.failures }),
    !view.eventsStored
      ? t("deskLastLoginsNotStored", { notStored: t("deskNotStored") })
      : view.lastLogins.length === 0
        ? t("deskLastLoginsNone")
        : t("deskLastLogins"),
    ...view.lastLogins.map((e) => `    ${eventLine(e)}`),
  ];
  return `${lines.join("\n")}\n`;
}

export function eventsText(result: MemberEvents): string {
  const { userId } = result;
  if (!result.eventsStored) return `${userId}: ${t("deskNotStored")}\n`;
  const count = result.events.length;
  const head = result.since
    ? t("deskEventsSince", { userId, count, since: result.since })
    : t("deskEvents", { userId, count });
  return `${[head, ...result.events.map((e) => `  ${eventLine(e)}`)].join("\n")}\n`;
}
