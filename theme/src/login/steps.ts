import { FORM_ATTRIBUTE } from "../../../contracts";
import type { Step } from "./components/StepIndicator";

/**
 * The member manual's screens of the first login, and each branch's own count. The manual numbers
 * its screens ① (open the portal) to ⑭, across both branches: the passkey branch is ①–⑫ (12
 * screens), the OTP branch ①–⑧ then ⑬ and ⑭ (10 screens). The pages show the manual's number, which
 * members look up, and the progress out of their own branch; before the branch is known to the page
 * (the method is chosen at ⑤, but the pages up to ⑦ are shared) the count says both.
 * One difference, on purpose: the email check comes before the new password (6 and 7 swapped),
 * because nothing chosen at ⑤ may take effect before the address is proven (README).
 */
const SCREENS = { passkey: 12, otp: 10 } as const;
const EITHER = [SCREENS.otp, SCREENS.passkey] as const;

const shared = (screen: number): Step => ({ screen, position: screen, total: EITHER });

export const FIRST_LOGIN_STEPS = {
  login: shared(2),
  birthdate: shared(3),
  terms: shared(4),
  methodChoice: shared(5),
  email: shared(6),
  newPassword: shared(7),
  /** ⑧ opens the set-up page of the chosen method, so its branch is known. */
  firstLoginDone: {
    passkey: { screen: 8, position: 8, total: SCREENS.passkey },
    otp: { screen: 8, position: 8, total: SCREENS.otp },
  },
  /** ⑨ (log in again on the phone) is ⑧'s "continue on my smartphone"; ⑩–⑫ are one page here. */
  passkey: { screen: [10, 12], position: [10, 12], total: SCREENS.passkey },
  /** ⑬ (log in again on the PC) is a choice on ⑧ and on ⑭ itself. */
  otp: { screen: 14, position: SCREENS.otp, total: SCREENS.otp },
} as const satisfies Record<string, Step | Record<"passkey" | "otp", Step>>;

/** ④ shown to an active member (revised terms) is no step of the first login, and shows none. */
export function firstLoginStep(kcContext: { [FORM_ATTRIBUTE.pastFirstLogin]?: "true" }, step: Step): Step | undefined {
  return kcContext[FORM_ATTRIBUTE.pastFirstLogin] === "true" ? undefined : step;
}
