import { FACTORS, hasCredential, Stage } from "./lib/flow.js";

/**
 * Runs on every login right after the password (or passkey): a member whose chosen factor is now
 * registered becomes "active", so the second-factor step that follows asks for it. Until then the
 * factor's required action keeps the member from getting a session without registering it.
 */
export function authenticate(context: AuthenticationFlowContext): void {
  const user = context.getUser();
  if (user && user.getFirstAttribute("kenpoStage") === Stage.enrolling) {
    const chosen = FACTORS[user.getFirstAttribute("kenpoMfaMethod") || ""];
    if ((chosen && hasCredential(user, chosen.credential)) || hasCredential(user, FACTORS.otp!.credential) || hasCredential(user, FACTORS.passkey!.credential)) {
      user.setSingleAttribute("kenpoStage", Stage.active);
    }
  }
  context.success();
}

export function action(context: AuthenticationFlowContext): void {
  context.success();
}
