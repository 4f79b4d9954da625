import type EventRepresentation from "@keycloak/keycloak-admin-client/lib/defs/eventRepresentation.js";
import type EventType from "@keycloak/keycloak-admin-client/lib/defs/eventTypes.js";
import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import Encoding from "encoding-japanese";
import { CREDENTIAL_TYPE, FACTOR, USER_ATTRIBUTE } from "../contracts/index.js";
import { describeKey, memberKey } from "../rules/member-key.js";
import { firstAttribute } from "./attributes.js";
import { isMember, MEMBER_STAGE, MEMBER_STAGES, memberStage, type MemberStage } from "./realm-users.js";

/**
 * The enrolment report (`kenpo report`), the pure half: accounts and stored login events go in one at a
 * time, counts and the list of members who have not finished come out, as JSON or as a CSV Excel opens.
 * Reading the realm is members/enrolment-source.ts; nothing here talks to Keycloak.
 */

/**
 * The funnel's steps in journey order. Each step is read from the events Keycloak stores for it; a
 * later step implies the earlier ones (a member who logged in to the portal once did set a new
 * password, even if that event is past the realm's retention).
 */
export const FUNNEL_STEPS = ["triedLogin", "newPassword", "factorRegistered", "loggedIn"] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** The stored event types the funnel reads (Keycloak stores them while the realm's events are on). */
export const FUNNEL_EVENT_TYPES: EventType[] = [
  "LOGIN_ERROR",
  "UPDATE_PASSWORD",
  "UPDATE_CREDENTIAL",
  "UPDATE_TOTP",
  "CUSTOM_REQUIRED_ACTION",
  "LOGIN",
];

const FACTOR_CREDENTIALS = new Set<string>([CREDENTIAL_TYPE.otp, CREDENTIAL_TYPE.passkey]);

/** The step an event shows a member reached, or undefined for events the funnel does not count. */
export function funnelStepOf(event: Pick<EventRepresentation, "type" | "details">): FunnelStep | undefined {
  const details = (event.details ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case "LOGIN_ERROR":
      return "triedLogin";
    case "UPDATE_PASSWORD":
      return "newPassword";
    case "UPDATE_TOTP":
      return "factorRegistered";
    case "UPDATE_CREDENTIAL":
      return FACTOR_CREDENTIALS.has(String(details.credential_type)) ? "factorRegistered" : undefined;
    case "CUSTOM_REQUIRED_ACTION":
      return details.custom_required_action === FACTOR.passkey.requiredAction ? "factorRegistered" : undefined;
    case "LOGIN":
      return "loggedIn";
    default:
      return undefined;
  }
}

/** The furthest step each account (Keycloak user id) reached, from its events. */
export class FunnelEvents {
  private readonly furthest = new Map<string, number>();
  add(event: EventRepresentation): void {
    const step = funnelStepOf(event);
    if (!event.userId || step === undefined) return;
    const index = FUNNEL_STEPS.indexOf(step);
    if (index > (this.furthest.get(event.userId) ?? -1)) this.furthest.set(event.userId, index);
  }
  reached(userId: string | undefined): number {
    return userId === undefined ? -1 : (this.furthest.get(userId) ?? -1);
  }
}

/** A member who has not finished the first login, as the society's reminder letter or mail needs them. */
export interface UnfinishedMember {
  userId: string;
  lastName: string;
  firstName: string;
  email: string;
  /** 記号 番号 (masked) 枝番. */
  card: string;
  stage: MemberStage;
  /** The day the account was created (the import), Japan time, YYYY-MM-DD. */
  importedOn: string;
  daysSinceImport: number;
}

export interface EnrolmentReport {
  realm: string;
  generatedAt: string;
  /** Accounts with a card. */
  members: number;
  /** Accounts without card data (admins' test accounts, say): not counted anywhere else. */
  otherAccounts: number;
  stages: Record<MemberStage, number>;
  funnel:
    | { stored: true; retentionDays: number; steps: Array<{ step: "imported" | FunnelStep; members: number }> }
    | { stored: false; note: string };
  /** With staleDays: enabled members not enrolled this many days or more after their import. */
  staleDays?: number;
  unfinished?: UnfinishedMember[];
}

export interface TallyOptions {
  realm: string;
  now: Date;
  staleDays?: number;
  /** Undefined when the realm stores no login events. */
  events?: { funnel: FunnelEvents; retentionDays: number };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const JAPAN_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" });

export function japanDate(time: number | Date): string {
  return JAPAN_DATE.format(time);
}

/** Accounts are added one at a time as the realm is paged through; only counts and the unfinished list are kept. */
export class EnrolmentTally {
  private members = 0;
  private otherAccounts = 0;
  private readonly stages = Object.fromEntries(MEMBER_STAGES.map((s) => [s, 0])) as Record<MemberStage, number>;
  private readonly funnel = FUNNEL_STEPS.map(() => 0);
  private readonly unfinished: UnfinishedMember[] = [];

  constructor(private readonly options: TallyOptions) {}

  /** `credentials`: the account's stored credential types, where needsCredentials(user) (see memberStage). */
  add(user: UserRepresentation, credentials?: readonly string[]): void {
    if (!isMember(user)) {
      this.otherAccounts += 1;
      return;
    }
    this.members += 1;
    const stage = memberStage(user, credentials);
    this.stages[stage] += 1;
    const reached = this.options.events?.funnel.reached(user.id) ?? -1;
    for (let i = 0; i <= reached; i += 1) this.funnel[i]! += 1;

    const { staleDays } = this.options;
    if (staleDays === undefined || (stage !== MEMBER_STAGE.imported && stage !== MEMBER_STAGE.firstLogin)) return;
    // Keycloak stamps every account when it is created, which for a member is the import.
    const created = user.createdTimestamp ?? this.options.now.getTime();
    const days = Math.floor((this.options.now.getTime() - created) / DAY_MS);
    if (days < staleDays) return;
    const key = memberKey(
      firstAttribute(user, USER_ATTRIBUTE.symbol),
      firstAttribute(user, USER_ATTRIBUTE.number),
      firstAttribute(user, USER_ATTRIBUTE.branch),
    );
    this.unfinished.push({
      userId: user.username ?? "",
      lastName: user.lastName ?? "",
      firstName: user.firstName ?? "",
      email: user.email ?? "",
      card: key === undefined ? "" : describeKey(key),
      stage,
      importedOn: japanDate(created),
      daysSinceImport: days,
    });
  }

  result(): EnrolmentReport {
    const { realm, now, staleDays, events } = this.options;
    return {
      realm,
      generatedAt: now.toISOString(),
      members: this.members,
      otherAccounts: this.otherAccounts,
      stages: { ...this.stages },
      funnel: events
        ? {
            stored: true,
            retentionDays: events.retentionDays,
            steps: [
              { step: "imported", members: this.members },
              ...FUNNEL_STEPS.map((step, i) => ({ step, members: this.funnel[i]! })),
            ],
          }
        : {
            stored: false,
            note: "the realm stores no login events (eventsEnabled is off): stages only, no funnel",
          },
      ...(staleDays !== undefined
        ? {
            staleDays,
            unfinished: [...this.unfinished].sort(
              (a, b) => b.daysSinceImport - a.daysSinceImport || a.userId.localeCompare(b.userId),
            ),
          }
        : {}),
    };
  }
}

/** What the CSV calls each stage and step: the society's staff read it in Excel. */
export const STAGE_LABEL: Record<MemberStage, string> = {
  imported: "未ログイン（初回ログイン前）",
  firstLogin: "初回ログイン途中（多要素認証の登録前）",
  passkey: "登録済み（生体認証）",
  otp: "登録済み（ワンタイムパスワード）",
  disabled: "利用停止",
};
const STEP_LABEL: Record<"imported" | FunnelStep, string> = {
  imported: "登録（インポート）",
  triedLogin: "ログインを試行",
  newPassword: "新しいパスワードを設定",
  factorRegistered: "多要素認証を登録",
  loggedIn: "ログイン完了",
};

/**
 * One CSV field. Quoted when it holds a separator, a quote or a line break; a leading = + - @ (or tab,
 * CR) is prefixed with ' so that Excel shows a name or address as text instead of running it as a formula.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLines(rows: Array<Array<string | number>>): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * The CSV: with staleDays, one row per unfinished member (for reminders); otherwise the counts by
 * stage and by funnel step.
 */
export function reportCsv(report: EnrolmentReport): string {
  if (report.unfinished) {
    return csvLines([
      ["ユーザID", "姓", "名", "メールアドレス", "記号・番号", "状況", "登録日", "経過日数"],
      ...report.unfinished.map((m) => [
        m.userId,
        m.lastName,
        m.firstName,
        m.email,
        m.card,
        STAGE_LABEL[m.stage],
        m.importedOn,
        m.daysSinceImport,
      ]),
    ]);
  }
  const rows: Array<Array<string | number>> = [
    ["区分", "項目", "人数"],
    ...MEMBER_STAGES.map((s) => ["状況", STAGE_LABEL[s], report.stages[s]]),
    ["状況", "合計", report.members],
  ];
  if (report.funnel.stored) rows.push(...report.funnel.steps.map((s) => ["手順", STEP_LABEL[s.step], s.members]));
  return csvLines(rows);
}

export type CsvEncoding = "utf-8" | "shift_jis";

/** UTF-8 with a BOM (Excel otherwise reads UTF-8 as Shift_JIS), or Shift_JIS for older Excel and tools. */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === "shift_jis")
    return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
