import {
  EMAIL_CODE,
  EMAIL_ENTRY,
  EMAIL_SUBJECT,
  EMAIL_TEMPLATE,
  FORM_ATTRIBUTE,
  FORM_FIELD,
  MESSAGE,
  PAGE,
  REALM_ATTRIBUTE,
  REQUIRED_ACTION,
} from "../../contracts/index.js";
import { formatCode, isPlausibleEmail, isWellFormedCode, maskEmail, normalizeCode } from "../../rules/email-code.js";
import { cleanField } from "../../rules/text.js";
import { applyHeldChoice, stoppedForEmail } from "./kenpo-method-choice.js";
import {
  attemptsLeftAfterFailure,
  fieldError,
  FlowError,
  formValue,
  isLockedOut,
  realmSetting,
  recordFailure,
} from "./lib/flow.js";

/**
 * The email check (the member manual's ⑦, here right after ⑤ and before the new password): a code
 * mailed to the address on file, typed on this page, in this tab. Only then does ⑤'s choice take
 * effect (user ID, method) and the new password get asked, so someone who knows a member's card but
 * not their mailbox changes nothing. A mailed code rather than a link: the member reads the mail on
 * the phone and types six digits on the PC, and the login carries on where it is.
 *
 * Members whose address is already proven pass without a page. A member without an address on file
 * reaches this step only where the society lets members enter one (kenpo-method-choice stops the
 * others): the code then goes to the address typed here, which is stored once the code is right.
 */

/** Notes on this login (the authentication session): the code never leaves the server but in the mail. */
const NOTE = {
  code: "kenpo.emailCode.code",
  expires: "kenpo.emailCode.expires",
  wrong: "kenpo.emailCode.wrong",
  sends: "kenpo.emailCode.sends",
  address: "kenpo.emailCode.address",
} as const;

const MINUTE = 60 * 1000;

function note(context: AuthenticationFlowContext, name: string): string {
  const value = context.getAuthenticationSession().getAuthNote(name);
  return value == null ? "" : String(value);
}

function now(): number {
  return Number(Java.type("java.lang.System").currentTimeMillis());
}

/** The address on file, or the one a member without one typed in this login. */
function address(context: AuthenticationFlowContext, user: UserModel): string {
  return user.getEmail() || note(context, NOTE.address);
}

function entryAllowed(context: AuthenticationFlowContext, user: UserModel): boolean {
  return !user.getEmail() && realmSetting(context, REALM_ATTRIBUTE.memberEmailEntry) === "true";
}

function liveCode(context: AuthenticationFlowContext): string {
  const code = note(context, NOTE.code);
  return code !== "" && now() < Number(note(context, NOTE.expires)) ? code : "";
}

function forgetCode(context: AuthenticationFlowContext): void {
  const notes = context.getAuthenticationSession();
  notes.removeAuthNote(NOTE.code);
  notes.removeAuthNote(NOTE.expires);
  notes.removeAuthNote(NOTE.wrong);
}

/** A fresh code by mail; false when this login already sent as many as it may, or the mail failed. */
function sendCode(context: AuthenticationFlowContext, user: UserModel, to: string): "sent" | "limit" | "failed" {
  const notes = context.getAuthenticationSession();
  const sends = Number(note(context, NOTE.sends) || "0");
  if (sends >= EMAIL_CODE.sendsPerLogin) return "limit";
  const SecureRandom = Java.type("java.security.SecureRandom");
  const code = formatCode(new SecureRandom().nextInt(Math.pow(10, EMAIL_CODE.digits)));
  const attributes = new (Java.type("java.util.HashMap"))();
  attributes.put("code", code);
  attributes.put("minutes", EMAIL_CODE.minutes);
  const ArrayList = Java.type("java.util.ArrayList");
  const subjectAttributes = new ArrayList<unknown>();
  subjectAttributes.add(context.getRealm().getDisplayName() || context.getRealm().getName());
  // The mail goes to `to`; for an address on file that is the member's own.
  const recipient =
    to === user.getEmail()
      ? user
      : new (Java.extend(Java.type("org.keycloak.models.utils.UserModelDelegate"), {
          getEmail: function () {
            return to;
          },
        }))(user);
  try {
    context
      .getSession()
      .getProvider(Java.type("org.keycloak.email.EmailTemplateProvider").class)
      .setRealm(context.getRealm())
      .setUser(recipient)
      .setAuthenticationSession(context.getAuthenticationSession())
      .send(EMAIL_SUBJECT.emailCode, subjectAttributes, EMAIL_TEMPLATE.emailCode, attributes);
  } catch (e) {
    // The mail server's answer may name the address; the member's id is enough to find it in its log.
    LOG.warn("kenpo: the email check's code could not be sent to member " + user.getId() + ": " + String(e));
    return "failed";
  }
  notes.setAuthNote(NOTE.code, code);
  notes.setAuthNote(NOTE.expires, String(now() + EMAIL_CODE.minutes * MINUTE));
  notes.setAuthNote(NOTE.wrong, "0");
  notes.setAuthNote(NOTE.sends, String(sends + 1));
  return "sent";
}

interface Shown {
  error?: FormMessage;
  attemptsLeft?: number | null;
  resent?: boolean;
}

function page(context: AuthenticationFlowContext, user: UserModel, shown: Shown): JaxRsResponse {
  const to = address(context, user);
  const form = context
    .form()
    .setAttribute(FORM_ATTRIBUTE.emailCodeMinutes, EMAIL_CODE.minutes)
    .setAttribute(FORM_ATTRIBUTE.helpDesk, realmSetting(context, REALM_ATTRIBUTE.helpDesk));
  if (to === "") form.setAttribute(FORM_ATTRIBUTE.emailEntry, EMAIL_ENTRY.ask);
  else {
    // The register's address is masked: whoever is here may know the card and nothing more.
    form.setAttribute(FORM_ATTRIBUTE.emailShown, user.getEmail() ? maskEmail(to) : to);
    if (entryAllowed(context, user)) form.setAttribute(FORM_ATTRIBUTE.emailEntry, EMAIL_ENTRY.change);
  }
  if (shown.resent) form.setAttribute(FORM_ATTRIBUTE.emailCodeResent, "true");
  if (shown.attemptsLeft != null && shown.attemptsLeft > 0)
    form.setAttribute(FORM_ATTRIBUTE.attemptsLeft, shown.attemptsLeft);
  if (shown.error) form.addError(shown.error);
  return form.createForm(PAGE.emailCode);
}

function show(context: AuthenticationFlowContext, user: UserModel, shown: Shown = {}): void {
  context.challenge(page(context, user, shown));
}

function sendAndShow(context: AuthenticationFlowContext, user: UserModel, resent: boolean): void {
  const outcome = sendCode(context, user, address(context, user));
  if (outcome === "sent") show(context, user, { resent: resent });
  else {
    const message = outcome === "limit" ? MESSAGE.emailCodeSendLimit : MESSAGE.emailCodeSendFailed;
    show(context, user, { error: fieldError(FORM_FIELD.emailCode, message) });
  }
}

/** The email is proven: store a typed address, let ⑤'s choice take effect, go on to the new password. */
function proven(context: AuthenticationFlowContext, user: UserModel): void {
  const typed = note(context, NOTE.address);
  if (!user.getEmail() && typed) user.setEmail(typed);
  user.setEmailVerified(true);
  user.removeRequiredAction(REQUIRED_ACTION.verifyEmail);
  forgetCode(context);
  applyHeldChoice(context, user);
  context.success();
}

export function authenticate(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  if (user.isEmailVerified()) {
    applyHeldChoice(context, user);
    context.success();
    return;
  }
  // Fail closed: ⑤ stops these members already; nobody passes without a proven address.
  if (stoppedForEmail(context, user)) return;
  if (address(context, user) === "") show(context, user);
  else if (liveCode(context)) show(context, user);
  else sendAndShow(context, user, false);
}

export function action(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  if (user.isEmailVerified()) {
    proven(context, user);
    return;
  }
  const notes = context.getAuthenticationSession();
  if (entryAllowed(context, user)) {
    if (formValue(context, FORM_FIELD.changeEmail) !== "") {
      notes.removeAuthNote(NOTE.address);
      forgetCode(context);
      show(context, user);
      return;
    }
    if (note(context, NOTE.address) === "") {
      const typed = cleanField(formValue(context, FORM_FIELD.email)).toLowerCase();
      if (!isPlausibleEmail(typed)) {
        show(context, user, { error: fieldError(FORM_FIELD.email, MESSAGE.emailInvalid) });
        return;
      }
      notes.setAuthNote(NOTE.address, typed);
      sendAndShow(context, user, false);
      return;
    }
  }
  if (address(context, user) === "") {
    authenticate(context);
    return;
  }
  if (formValue(context, FORM_FIELD.resend) !== "") {
    sendAndShow(context, user, true);
    return;
  }
  const wrong = (attemptsLeft: number | null) =>
    context.failureChallenge(
      FlowError.INVALID_CREDENTIALS,
      page(context, user, {
        error: fieldError(FORM_FIELD.emailCode, MESSAGE.emailCodeWrong),
        attemptsLeft: attemptsLeft,
      }),
    );
  if (isLockedOut(context, user)) {
    wrong(null);
    return;
  }
  const typed = normalizeCode(formValue(context, FORM_FIELD.emailCode));
  if (!isWellFormedCode(typed)) {
    // A typing slip (not six digits) is not a guess: say how a code looks, count nothing.
    show(context, user, { error: fieldError(FORM_FIELD.emailCode, MESSAGE.emailCodeFormat) });
    return;
  }
  const code = liveCode(context);
  if (code === "") {
    show(context, user, { error: fieldError(FORM_FIELD.emailCode, MESSAGE.emailCodeExpired) });
    return;
  }
  if (typed !== code) {
    const attemptsLeft = attemptsLeftAfterFailure(context, user);
    recordFailure(context, user);
    const tries = Number(note(context, NOTE.wrong) || "0") + 1;
    // A code survives a few wrong tries only: guessing needs new mails, which the member sees.
    if (tries >= EMAIL_CODE.triesPerCode) forgetCode(context);
    else notes.setAuthNote(NOTE.wrong, String(tries));
    wrong(attemptsLeft);
    return;
  }
  proven(context, user);
}
