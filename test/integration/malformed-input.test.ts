import type UserRepresentation from "@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js";
import { writeMembers } from "../../members/keycloak-writer.js";
import { hashAlgorithmFromPolicy, hashPassword } from "../../members/password-hash.js";
import { mailboxSmtp, startMailbox, type Mailbox } from "../../runtime/mail/mailbox.js";
import { cardMember, Journey, mailedCode, totpFromPage, type TestRealm } from "../../journeys/http-journey.js";
import { expectPage, HttpBrowser, isPage, pageId, type Page } from "../../journeys/http-login.js";
import { provisionTestRealm } from "../../journeys/realm.js";
import { otpApp, otpCredential, seededUser } from "../../journeys/seed.js";
import { CREDENTIAL_TYPE, FORM_FIELD, METHOD, PAGE, STAGE, USER_ATTRIBUTE, type Stage } from "../../contracts/index.js";

/**
 * Issue 10, a malformed-input pass: every form of the member journey, posted with malformed values
 * as a tampering client would (raw bodies, no browser), gives the same page with a message — never a
 * 5xx, never the next step — and no injected markup reaches the HTML.
 *
 * What "not forward" means, per step (the page each malformed post must land on):
 *
 * | step  | page                       | field (the others keep well-formed values)      | session per post  | not forward =                                   |
 * |-------|----------------------------|-------------------------------------------------|-------------------|-------------------------------------------------|
 * | ②     | login.ftl                  | username (password right)                       | re-used           | login.ftl with the error                        |
 * | ②     | login.ftl                  | password (user ID right)                        | new member        | login.ftl with the error                        |
 * | ③     | login-birthdate.ftl        | birthdate                                       | re-used (*)       | login-birthdate.ftl with the error              |
 * | ④     | terms.ftl                  | cancel, without accept                          | re-used           | terms.ftl with kenpoTermsRequired               |
 * | ④     | terms.ftl                  | accept, next to cancel                          | re-used           | terms.ftl with kenpoTermsRequired               |
 * | ⑤     | login-method-choice.ftl    | method (no new user ID)                         | re-used           | login-method-choice.ftl with the error          |
 * | ⑤     | login-method-choice.ftl    | newUserId (method otp; absent/empty = keep ID)  | re-used           | login-method-choice.ftl with the error          |
 * | email | login-email-code.ftl       | emailCode (the code mailed for this login) (*)  | re-used           | login-email-code.ftl with the error             |
 * | ⑥     | login-update-password.ftl  | password-new / password-confirm                 | re-used           | login-update-password.ftl with the error        |
 * | ⑭     | login-config-totp.ftl      | totp / totpSecret (the other two right)         | re-used           | login-config-totp.ftl with the error            |
 * | ⑭     | login-config-totp.ftl      | userLabel (with a wrong code)                   | re-used           | login-config-totp.ftl with the error            |
 * | OTP   | login-otp.ftl              | otp                                             | new member        | login-otp.ftl with the error; absent: the page again, no message (stock OTP form) |
 * | reset | login-reset-password.ftl   | username                                        | new session       | absent/empty: the page with the error; else login.ftl with the words an unknown ID gets; no mail |
 *
 * The malformed values, for each field:
 *
 * | kind                 | value                                                                                          |
 * |----------------------|------------------------------------------------------------------------------------------------|
 * | missing              | the field is not in the body                                                                   |
 * | empty                | `field=`                                                                                       |
 * | repeated             | the field twice: a wrong value first, then the right one (the server must not try both)       |
 * | 10 KB                | the right value padded with "9" to 10,240 characters                                           |
 * | invalid UTF-8 (2×)   | the right value followed by the raw bytes %C3%28, or %FF%FE (body built by hand)               |
 * | script tag           | `<script>alert(1)</script>`                                                                    |
 * | img onerror          | `"><img src=x onerror=alert(1)>`                                                               |
 * | SQL-ish              | `' OR '1'='1`                                                                                  |
 * | NUL + control        | the right value with NUL, SOH, BEL, ESC and DEL in its middle                                  |
 * | full-width           | the right value in full-width characters (③: a wrong date, since ③ folds digits by design;   |
 * |                      | ⑤ newUserId: another member's ID, since ⑤ folds IDs by design; the email check: a wrong code)  |
 *
 * Counted failures (wrong password, birthdate or code) never reach the lockout: those rows take a
 * new member each (*: at ③ and the email check only "repeated" and "full-width" are wrong answers;
 * the other values are not dates or codes at all, which neither counts). Rows that stay on their page re-use the session of the
 * row before.
 *
 * Two fields take any value by design, so they have their own tests below: ④'s accept button (its
 * name is the answer, whatever its value: kenpo-terms.ts) and ⑭'s device name (free text, stored as
 * typed and shown as data at the next login). Echoed values (the user ID on login.ftl) are checked
 * to come back as data inside kcContext.
 */

const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';
const SQL = "' OR '1'='1";
const CONTROLS = "\u0000\u0001\u0007\u001b\u007f";
const TEN_KB = 10 * 1024;

const KINDS = [
  "missing",
  "empty",
  "repeated",
  "10 KB",
  "invalid UTF-8 %C3%28",
  "invalid UTF-8 %FF%FE",
  "script tag",
  "img onerror",
  "SQL-ish",
  "NUL + control",
  "full-width",
] as const;
type Kind = (typeof KINDS)[number];

const PASSWORD = "Malformed-Pass-2026";
const NEW_PASSWORD = "Kenpo-New-Pass-2026";
const OTP_SECRET = "MalformedSecret-0123";
const totp = otpApp(OTP_SECRET);
const DEVICE = "テスト端末";
/** A member whose user ID ⑤ must refuse as taken (also in full-width). */
const TAKEN_ID = "mf.taken";
/** The member a reset request with malformed variants of this ID must not mail. */
const RESET_TARGET = "mf.reset.target";

function fullWidth(s: string): string {
  return s.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000");
}

function withControls(s: string): string {
  const middle = Math.ceil(s.length / 2);
  return `${s.slice(0, middle)}${CONTROLS}${s.slice(middle)}`;
}

/** A code from the same authenticator that is not `code`. */
function otherCode(code: string): string {
  return code === "000000" ? "111111" : "000000";
}

/** A member on a step: the browser session, and what the member would post there. */
interface OnStep {
  j: Journey;
  userId: string;
  password: string;
  /** At the email check: the code mailed for this login. */
  emailCode?: string;
}

interface FieldSpec {
  step: string;
  page: string;
  field: string;
  /** How a new session reaches the page (a new member each time). */
  reach: () => Promise<OnStep>;
  /** "reuse": the page a row stays on serves the next row; "new": every row gets a new member and session. */
  session: "reuse" | "new";
  /** Kinds that count as a failed login (a wrong answer, not a malformed one): a new member each. */
  counted?: Kind[];
  /** The field's well-formed value that would move the member on. */
  right: (on: OnStep) => string;
  /** A well-formed wrong value (first of "repeated"). */
  wrong: (on: OnStep) => string;
  /** The other fields, well-formed. */
  others: (on: OnStep) => Record<string, string>;
  /** "full-width" when it is not simply `right` in full-width characters. */
  fullWidth?: (on: OnStep) => string;
  /** Kinds that are not malformed for this field (an optional field may be absent or empty). */
  wellFormed?: Kind[];
  /** What the post must show: the page and its message (a non-empty one unless told). */
  expected?: (kind: Kind) => { page: string; message: unknown };
}

/** The raw form body: the other fields, then the field under test in its malformed form. */
function malformedBody(spec: FieldSpec, on: OnStep, kind: Kind): string {
  const params = new URLSearchParams(spec.others(on));
  const right = spec.right(on);
  const raw = (bytes: string) =>
    `${params.toString()}${params.size > 0 ? "&" : ""}${encodeURIComponent(spec.field)}=${encodeURIComponent(right)}${bytes}`;
  switch (kind) {
    case "missing":
      break;
    case "empty":
      params.append(spec.field, "");
      break;
    case "repeated":
      params.append(spec.field, spec.wrong(on));
      params.append(spec.field, right);
      break;
    case "10 KB":
      params.append(spec.field, right.padEnd(TEN_KB, "9"));
      break;
    case "invalid UTF-8 %C3%28":
      return raw("%C3%28");
    case "invalid UTF-8 %FF%FE":
      return raw("%FF%FE");
    case "script tag":
      params.append(spec.field, SCRIPT);
      break;
    case "img onerror":
      params.append(spec.field, IMG);
      break;
    case "SQL-ish":
      params.append(spec.field, SQL);
      break;
    case "NUL + control":
      params.append(spec.field, withControls(right));
      break;
    case "full-width":
      params.append(spec.field, spec.fullWidth ? spec.fullWidth(on) : fullWidth(right));
      break;
  }
  return params.toString();
}

type Result = Page | { redirectedTo: string };

/** Where a post landed, in the terms the tables use. */
function outcome(result: Result) {
  if (!isPage(result))
    return {
      below500: true,
      page: `redirect to ${result.redirectedTo.replace(/[?#].*/, "")}`,
      message: "",
      themed: false,
    };
  // A page without kcContext (Keycloak's JSON error body) is shown by its status and first words.
  const page = result.kcContext ? pageId(result) : `${result.status} ${result.html.slice(0, 100)}`;
  return {
    below500: result.status < 500,
    page,
    message: result.kcContext?.message?.summary ?? "",
    themed: result.kcContext !== undefined,
  };
}

/**
 * Injected markup that would run in the member's browser. Keycloakify puts every value into the
 * kcContext script as JSON (`<\/script>` escaped), so the raw `<script>` string must not be in the
 * HTML at all, no element may carry an onerror handler, and no script but kcContext's may mention alert(1).
 */
function injectedMarkup(result: Result): string[] {
  if (!isPage(result)) return [];
  const { $ } = result;
  const found: string[] = [];
  if (result.html.includes(SCRIPT)) found.push(`raw ${SCRIPT} in the HTML`);
  $("[onerror]").each((_, el) => void found.push(`element with onerror: ${$.html(el)}`));
  $("script").each((_, el) => {
    const code = $(el).html() ?? "";
    if (!code.includes("const kcContext") && code.includes("alert(1)"))
      found.push(`a script other than kcContext with alert(1): ${code.slice(0, 200)}`);
  });
  return found;
}

const anyMessage = expect.stringMatching(/\S/);

/**
 * Keycloak 26.7's own OTP set-up (required action CONFIGURE_TOTP, UpdateTotp.processAction) answers
 * these hand-made posts with HTTP 500 (NullPointerException / "Empty key" in HmacOTP): a stock Java
 * required action our theme and scripts cannot reach. Pinned here so an upgrade that fixes it fails
 * this test and the row moves to the normal table; meanwhile the test asserts what still must hold:
 * nothing is registered and the member's next login resumes at ⑭.
 */
const KEYCLOAK_500: Array<{ field: string; kind: Kind }> = [
  { field: "totpSecret", kind: "missing" },
  { field: "totpSecret", kind: "empty" },
];

describe("malformed input at every form of the member journey: the same page with a message, never a 5xx, never forward", () => {
  let realm: TestRealm;
  let mailbox: Mailbox;
  let posts = 0;
  let malformedPosts = 0;
  /** What a reset request for an unknown user ID shows (the neutral words every malformed ID must get). */
  let unknownReset: { page: string; message: string };

  /** Counts every POST the journeys make (to reach a step, and the malformed ones). */
  class CountingBrowser extends HttpBrowser {
    override async navigate(url: string, init: RequestInit = {}, stopAt?: string): Promise<Result> {
      if ((init.method ?? "GET").toUpperCase() === "POST") posts += 1;
      return super.navigate(url, init, stopAt);
    }
  }

  const pools: Record<Stage, string[]> = { initial: [], enrolling: [], active: [] };
  function take(pool: keyof typeof pools): string {
    const userId = pools[pool].shift();
    if (!userId) throw new Error(`no ${pool} member left in the pool: add more in beforeAll`);
    return userId;
  }
  const initialPasswords = new Map<string, string>();

  const journey = () => new Journey(realm, {}, new CountingBrowser());

  async function atLogin(): Promise<OnStep> {
    const userId = take(STAGE.initial);
    return { j: await journey().open(), userId, password: initialPasswords.get(userId)! };
  }
  async function atBirthdate(): Promise<OnStep> {
    const on = await atLogin();
    await on.j.post({ username: on.userId, password: on.password }, PAGE.birthdate);
    return on;
  }
  async function atTerms(): Promise<OnStep> {
    const on = await atBirthdate();
    await on.j.post({ [FORM_FIELD.birthdate]: "19801201" }, PAGE.terms);
    return on;
  }
  async function atMethod(): Promise<OnStep> {
    const on = await atTerms();
    await on.j.post({ [FORM_FIELD.accept]: "accept" }, PAGE.methodChoice);
    return on;
  }
  async function atEmailCode(): Promise<OnStep> {
    const on = await atMethod();
    await on.j.post({ [FORM_FIELD.method]: METHOD.otp, [FORM_FIELD.newUserId]: "" }, PAGE.emailCode);
    return { ...on, emailCode: await mailedCode(mailbox, `${on.userId}@example.test`) };
  }
  async function atNewPassword(): Promise<OnStep> {
    const on = await atEmailCode();
    await on.j.post({ [FORM_FIELD.emailCode]: on.emailCode! }, "login-update-password.ftl");
    return on;
  }
  /** ⑭ straight away: a member seeded as enrolling with OTP (email verified, no required action). */
  async function atTotpSetup(): Promise<OnStep> {
    const on = { j: await journey().open(), userId: take(STAGE.enrolling), password: PASSWORD };
    await on.j.post({ username: on.userId, password: on.password }, "login-config-totp.ftl");
    return on;
  }
  /** The returning login's OTP page: a member seeded as active with a known OTP secret. */
  async function atOtp(): Promise<OnStep> {
    const on = { j: await journey().open(), userId: take(STAGE.active), password: PASSWORD };
    await on.j.post({ username: on.userId, password: on.password }, "login-otp.ftl");
    return on;
  }
  async function atReset(): Promise<OnStep> {
    const j = await journey().open();
    j.page = expectPage(
      await j.browser.navigate(new URL(String(j.page.kcContext!.url.loginResetCredentialsUrl), j.page.url).toString()),
      "the reset page",
    );
    expect(pageId(j.page)).toBe("login-reset-password.ftl");
    return { j, userId: RESET_TARGET, password: "" };
  }

  const secretOf = (on: OnStep) => totpFromPage(on.j.page).secret;
  const codeOf = (on: OnStep) => totpFromPage(on.j.page).totp.generate();
  const credentialOf = (on: OnStep) =>
    (on.j.page.kcContext?.otpLogin as { userOtpCredentials: Array<{ id: string }> }).userOtpCredentials[0]!.id;

  const FIELDS: FieldSpec[] = [
    {
      step: "②",
      page: "login.ftl",
      field: "username",
      reach: atLogin,
      session: "reuse",
      right: (on) => on.userId,
      wrong: () => "mf.nobody",
      others: (on) => ({ password: on.password }),
    },
    {
      step: "②",
      page: "login.ftl",
      field: "password",
      reach: atLogin,
      session: "new",
      right: (on) => on.password,
      wrong: () => "0000000000000000",
      others: (on) => ({ username: on.userId }),
    },
    {
      step: "③",
      page: PAGE.birthdate,
      field: FORM_FIELD.birthdate,
      reach: atBirthdate,
      session: "reuse",
      counted: ["repeated", "full-width"],
      right: () => "19801201",
      wrong: () => "19990101",
      others: () => ({}),
      fullWidth: () => fullWidth("19990101"),
    },
    {
      step: "④",
      page: PAGE.terms,
      field: FORM_FIELD.cancel,
      reach: atTerms,
      session: "reuse",
      right: () => "cancel",
      wrong: () => "no",
      others: () => ({}),
    },
    {
      step: "④",
      page: PAGE.terms,
      field: FORM_FIELD.accept,
      reach: atTerms,
      session: "reuse",
      right: () => "accept",
      wrong: () => "no",
      others: () => ({ [FORM_FIELD.cancel]: "cancel" }),
    },
    {
      step: "⑤",
      page: PAGE.methodChoice,
      field: FORM_FIELD.method,
      reach: atMethod,
      session: "reuse",
      right: () => METHOD.otp,
      wrong: () => "sms",
      others: () => ({ [FORM_FIELD.newUserId]: "" }),
    },
    {
      step: "⑤",
      page: PAGE.methodChoice,
      field: FORM_FIELD.newUserId,
      reach: atMethod,
      session: "reuse",
      right: () => "mf.fresh.id",
      wrong: () => "x!",
      others: () => ({ [FORM_FIELD.method]: METHOD.otp }),
      fullWidth: () => fullWidth(TAKEN_ID),
      wellFormed: ["missing", "empty"],
    },
    {
      step: "email",
      page: PAGE.emailCode,
      field: FORM_FIELD.emailCode,
      reach: atEmailCode,
      session: "reuse",
      counted: ["repeated", "full-width"],
      right: (on) => on.emailCode!,
      wrong: (on) => otherCode(on.emailCode!),
      others: () => ({}),
      fullWidth: (on) => fullWidth(otherCode(on.emailCode!)),
    },
    {
      step: "⑥",
      page: "login-update-password.ftl",
      field: "password-new",
      reach: atNewPassword,
      session: "reuse",
      right: () => NEW_PASSWORD,
      wrong: () => "Other-Pass-2026",
      others: () => ({ "password-confirm": NEW_PASSWORD }),
    },
    {
      step: "⑥",
      page: "login-update-password.ftl",
      field: "password-confirm",
      reach: atNewPassword,
      session: "reuse",
      right: () => NEW_PASSWORD,
      wrong: () => "Other-Pass-2026",
      others: () => ({ "password-new": NEW_PASSWORD }),
    },
    {
      step: "⑭",
      page: "login-config-totp.ftl",
      field: "totp",
      reach: atTotpSetup,
      session: "reuse",
      right: codeOf,
      wrong: (on) => otherCode(codeOf(on)),
      others: (on) => ({ totpSecret: secretOf(on), userLabel: DEVICE, mode: "manual" }),
    },
    {
      step: "⑭",
      page: "login-config-totp.ftl",
      field: "totpSecret",
      reach: atTotpSetup,
      session: "reuse",
      right: secretOf,
      wrong: () => "WrongSecret-00000000",
      others: (on) => ({ totp: codeOf(on), userLabel: DEVICE, mode: "manual" }),
    },
    {
      step: "⑭",
      page: "login-config-totp.ftl",
      field: "userLabel",
      reach: atTotpSetup,
      session: "reuse",
      right: () => DEVICE,
      wrong: () => "別の端末",
      others: (on) => ({ totp: otherCode(codeOf(on)), totpSecret: secretOf(on), mode: "manual" }),
    },
    {
      step: "OTP",
      page: "login-otp.ftl",
      field: "otp",
      reach: atOtp,
      session: "new",
      right: () => totp.generate(),
      wrong: () => otherCode(totp.generate()),
      others: (on) => ({ selectedCredentialId: credentialOf(on) }),
      // Keycloak's OTP form shows itself again, without a message, when no code was posted at all.
      expected: (kind) => ({ page: "login-otp.ftl", message: kind === "missing" ? "" : anyMessage }),
    },
    {
      step: "reset",
      page: "login-reset-password.ftl",
      field: "username",
      reach: atReset,
      session: "new",
      right: () => RESET_TARGET,
      wrong: () => "mf.nobody",
      others: () => ({}),
      expected: (kind) =>
        kind === "missing" || kind === "empty"
          ? { page: "login-reset-password.ftl", message: anyMessage }
          : { page: unknownReset.page, message: unknownReset.message },
    },
  ];

  const ROWS = FIELDS.flatMap((spec) =>
    KINDS.filter((kind) => !spec.wellFormed?.includes(kind)).map((kind) => ({
      name: `${spec.step} ${spec.page} ${spec.field}`,
      kind,
      spec,
    })),
  );

  /** Sessions left on their page by the row before, for fields whose rows re-use them. */
  const parked = new Map<FieldSpec, OnStep>();

  async function postRaw(on: OnStep, body: string): Promise<Result> {
    malformedPosts += 1;
    return on.j.browser.navigate(
      on.j.page.kcContext!.url.loginAction,
      {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
      on.j.request.redirectUri,
    );
  }

  beforeAll(async () => {
    mailbox = await startMailbox();
    realm = await provisionTestRealm("malformed", {
      smtp: mailboxSmtp(mailbox),
    });
    // Imported members at the start of the first login (② … ⑥), with spares for rows that end a session.
    const imported = Array.from({ length: 48 }, (_, i) => cardMember(`mf.initial.${i}`));
    await writeMembers([...imported, cardMember(TAKEN_ID)], { admin: realm.admin, realm: realm.config.realm });
    for (const m of imported) {
      pools.initial.push(m.userId);
      initialPasswords.set(m.userId, m.initialPassword);
    }
    // Seeded members: enrolling with OTP chosen (⑭ right after ②), and active with a known OTP secret.
    // One password hashed here in Keycloak's stored format, so the server hashes nothing on import.
    const realmRep = await realm.admin.realms.findOne({ realm: realm.config.realm });
    const password = await hashPassword(PASSWORD, hashAlgorithmFromPolicy(realmRep?.passwordPolicy));
    const seeded = (
      username: string,
      n: number,
      attributes: Record<string, string[]>,
      credentials: Array<Record<string, unknown>>,
    ): UserRepresentation => seededUser({ username, number: String(4_000_000 + n), password, attributes, credentials });
    const otp = otpCredential(OTP_SECRET, DEVICE);
    const enrolling = Array.from({ length: 14 }, (_, i) => `mf.enrolling.${i}`);
    const active = Array.from({ length: 14 }, (_, i) => `mf.active.${i}`);
    await realm.admin.realms.partialImport({
      realm: realm.config.realm,
      rep: {
        ifResourceExists: "FAIL",
        users: [
          ...enrolling.map((u, i) =>
            seeded(u, i, { [USER_ATTRIBUTE.stage]: [STAGE.enrolling], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] }, []),
          ),
          ...active.map((u, i) =>
            seeded(u, 100 + i, { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] }, [
              otp,
            ]),
          ),
          seeded(
            RESET_TARGET,
            200,
            { [USER_ATTRIBUTE.stage]: [STAGE.active], [USER_ATTRIBUTE.mfaMethod]: [METHOD.otp] },
            [otp],
          ),
        ],
      },
    });
    pools.enrolling.push(...enrolling);
    pools.active.push(...active);

    const on = await atReset();
    const page = expectPage(
      await on.j.browser.submit(on.j.page, { username: "mf.nobody" }),
      "the page after a reset request",
    );
    unknownReset = { page: pageId(page), message: page.kcContext?.message?.summary ?? "" };
    expect(unknownReset.message).not.toBe("");
  });

  afterAll(async () => {
    process.stderr.write(
      `[malformed-input] posts: ${malformedPosts} malformed (${ROWS.length} table rows, ${FIELDS.length} fields × up to ${KINDS.length} kinds), ${posts} in all\n`,
    );
    await realm?.cleanup();
    await mailbox?.close();
  });

  test.each(ROWS)("$name: $kind", async ({ spec, kind }) => {
    const fresh = spec.session === "new" || (spec.counted ?? []).includes(kind);
    const on = (fresh ? undefined : parked.get(spec)) ?? (await spec.reach());
    if (!fresh) parked.delete(spec);
    expect(pageId(on.j.page)).toBe(spec.page);
    const mailsBefore = mailbox.mails.length;

    const result = await postRaw(on, malformedBody(spec, on, kind));

    if (KEYCLOAK_500.some((k) => k.field === spec.field && k.kind === kind)) {
      expect(isPage(result) && result.status).toBe(500);
      const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: on.userId, exact: true });
      const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
      expect(credentials.filter((c) => c.type === CREDENTIAL_TYPE.otp)).toEqual([]);
      await (await journey().open()).post({ username: on.userId, password: on.password }, "login-config-totp.ftl");
      return;
    }
    const expected = spec.expected ? spec.expected(kind) : { page: spec.page, message: anyMessage };
    expect(outcome(result)).toEqual({ below500: true, page: expected.page, message: expected.message, themed: true });
    expect(injectedMarkup(result)).toEqual([]);
    // A reset mail is sent before the page is answered (see the reset test below): none went out.
    expect(mailbox.mails.slice(mailsBefore).map((m) => m.to)).toEqual([]);
    if (!fresh && isPage(result) && pageId(result) === spec.page) {
      on.j.page = result;
      parked.set(spec, on);
    }
  });

  test("reset: a well-formed request for the same member is mailed before its page is answered (so the rows' 'no mail' means none)", async () => {
    const on = await atReset();
    const before = mailbox.mails.length;
    const page = expectPage(
      await on.j.browser.submit(on.j.page, { username: RESET_TARGET }),
      "the page after the reset request",
    );
    expect({ page: pageId(page), message: page.kcContext?.message?.summary }).toEqual(unknownReset);
    expect(mailbox.mails.slice(before).map((m) => m.to)).toEqual([[`${RESET_TARGET}@example.test`]]);
  });

  const ECHOES: Array<{
    name: string;
    value: string;
    reach: () => Promise<OnStep>;
    fields: (on: OnStep, value: string) => Record<string, string>;
  }> = [SCRIPT, IMG].flatMap((value) => [
    {
      name: "② login.ftl username",
      value,
      reach: atLogin,
      fields: (on: OnStep, v: string) => ({ username: v, password: on.password }),
    },
    {
      name: "reset login-reset-password.ftl username",
      value,
      reach: atReset,
      fields: (_on: OnStep, v: string) => ({ username: v }),
    },
  ]);

  test.each(ECHOES)("an echoed value stays data inside kcContext: $name $value", async ({ value, reach, fields }) => {
    const on = await reach();
    const result = expectPage(
      await postRaw(on, new URLSearchParams(fields(on, value)).toString()),
      "the page after the post",
    );
    expect((result.kcContext?.login as { username?: string } | undefined)?.username).toBe(value);
    expect(injectedMarkup(result)).toEqual([]);
  });

  test.each([
    ["10 KB", `accept=${"9".repeat(TEN_KB)}`],
    ["script tag", `accept=${encodeURIComponent(SCRIPT)}`],
    ["invalid UTF-8 %FF%FE", "accept=%FF%FE"],
  ])(
    "④ accept with a malformed value (%s) still accepts: the button's name is the answer, by design (kenpo-terms.ts); no 5xx",
    async (_kind, body) => {
      const on = await atTerms();
      const result = await postRaw(on, body);
      expect(outcome(result)).toEqual({ below500: true, page: PAGE.methodChoice, message: "", themed: true });
      expect(injectedMarkup(result)).toEqual([]);
    },
  );

  test.each([
    ["script tag", SCRIPT],
    ["img onerror", IMG],
    ["SQL-ish", SQL],
  ])(
    "⑭ a device name is free text (%s): with a right code it is stored as typed and shown as data at the next login",
    async (_kind, label) => {
      const on = await atTotpSetup();
      const result = await postRaw(
        on,
        new URLSearchParams({
          totp: codeOf(on),
          totpSecret: secretOf(on),
          userLabel: label,
          mode: "manual",
        }).toString(),
      );
      expect(outcome(result).page).toBe("redirect to http://localhost:5173/callback");
      const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: on.userId, exact: true });
      const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
      expect(credentials.filter((c) => c.type === CREDENTIAL_TYPE.otp).map((c) => c.userLabel)).toEqual([label]);
      const again = await journey().open();
      await again.post({ username: on.userId, password: PASSWORD }, "login-otp.ftl");
      const devices = (again.page.kcContext?.otpLogin as { userOtpCredentials: Array<{ userLabel: string }> })
        .userOtpCredentials;
      expect(devices.map((d) => d.userLabel)).toEqual([label]);
      expect(injectedMarkup(again.page)).toEqual([]);
    },
  );

  // Keycloak keeps the device name in credential.user_label (255 characters) and checks neither its
  // length nor its characters (the theme's field stops at 100). Pinned Keycloak 26.7 behaviour with a
  // right code: a longer name is a 500 from the database and registers nothing; a NUL is stored as
  // typed on the test database (PostgreSQL, the production one, answers 500 instead: see the issue note).
  test("⑭ a 10 KB device name with a right code: Keycloak answers 500 and registers nothing; ⑭ resumes at the next login", async () => {
    const on = await atTotpSetup();
    const result = await postRaw(
      on,
      new URLSearchParams({
        totp: codeOf(on),
        totpSecret: secretOf(on),
        userLabel: "9".repeat(TEN_KB),
        mode: "manual",
      }).toString(),
    );
    expect(isPage(result) && result.status).toBe(500);
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: on.userId, exact: true });
    const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
    expect(credentials.filter((c) => c.type === CREDENTIAL_TYPE.otp)).toEqual([]);
    await (await journey().open()).post({ username: on.userId, password: on.password }, "login-config-totp.ftl");
  });

  test("⑭ a device name with control characters and a right code is a device like any other (a right code is the proof); shown as data", async () => {
    const on = await atTotpSetup();
    const label = `テスト${CONTROLS}端末`;
    const result = await postRaw(
      on,
      new URLSearchParams({ totp: codeOf(on), totpSecret: secretOf(on), userLabel: label, mode: "manual" }).toString(),
    );
    expect(outcome(result).page).toBe("redirect to http://localhost:5173/callback");
    const [user] = await realm.admin.users.find({ realm: realm.config.realm, username: on.userId, exact: true });
    const credentials = await realm.admin.users.getCredentials({ realm: realm.config.realm, id: user!.id! });
    expect(credentials.filter((c) => c.type === CREDENTIAL_TYPE.otp).map((c) => c.userLabel)).toEqual([label]);
  });
});
