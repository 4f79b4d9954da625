import { isValidUserId, normalizeUserId } from "../../rules/user-id.js";
import { FACTORS, fieldError, FlowError, formValue, hasCredential, realmSetting, Stage } from "./lib/flow.js";

/**
 * ⑤ The member chooses 生体認証 (passkey) or ワンタイムパスワード (OTP app), and may change the user ID.
 * What follows is queued as required actions, which Keycloak runs by priority after the flow:
 * ⑥ new password, ⑦ email, then the chosen factor's registration (⑧ opens that page).
 */
const PAGE = "login-method-choice.ftl";

function show(context: AuthenticationFlowContext, user: UserModel, method: string, error?: FormMessage): void {
  const form = context.form().setAttribute("kenpoCurrentUserId", user.getUsername());
  if (method) form.setAttribute("kenpoSelectedMethod", method);
  if (error) form.addError(error);
  context.challenge(form.createForm(PAGE));
}

/**
 * A register row without an email address: unless the society allows members to enter one, the
 * member stops here with the help desk's contact, before ⑤ changes anything (user ID, password),
 * because whoever does the first login would otherwise own the account through an address of theirs.
 */
function stoppedForEmail(context: AuthenticationFlowContext, user: UserModel): boolean {
  if (user.getEmail() || realmSetting(context, "kenpoMemberEmailEntry") === "true") return false;
  context.challenge(context.form().setInfo("kenpoNoEmailOnFile", [realmSetting(context, "kenpoHelpDesk")]).createInfoPage());
  return true;
}

export function authenticate(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  if (stoppedForEmail(context, user)) return;
  show(context, user, user.getFirstAttribute("kenpoMfaMethod") || "");
}

export function action(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (!user) {
    context.failure(FlowError.INVALID_USER);
    return;
  }
  if (stoppedForEmail(context, user)) return;
  const method = formValue(context, "method");
  const factor = FACTORS[method];
  if (!factor || (method !== "passkey" && method !== "otp")) {
    show(context, user, "", fieldError("method", "kenpoMethodRequired"));
    return;
  }
  const newUserId = normalizeUserId(formValue(context, "newUserId"));
  if (newUserId !== "" && newUserId !== user.getUsername()) {
    if (!isValidUserId(newUserId)) {
      show(context, user, method, fieldError("newUserId", "kenpoUserIdInvalid"));
      return;
    }
    const holder = context.getSession().users().getUserByUsername(context.getRealm(), newUserId);
    if (holder && holder.getId() !== user.getId()) {
      show(context, user, method, fieldError("newUserId", "kenpoUserIdTaken"));
      return;
    }
    LOG.info("kenpo: member " + user.getId() + " changed the user ID at step 5");
    user.setUsername(newUserId);
  }
  user.setSingleAttribute("kenpoMfaMethod", method);
  user.setSingleAttribute("kenpoStage", Stage.enrolling);
  user.addRequiredAction("UPDATE_PASSWORD");
  if (!user.getEmail()) user.addRequiredAction("UPDATE_PROFILE");
  if (!user.isEmailVerified()) user.addRequiredAction("VERIFY_EMAIL");
  if (!hasCredential(user, factor.credential)) user.addRequiredAction(factor.requiredAction);
  context.success();
}
