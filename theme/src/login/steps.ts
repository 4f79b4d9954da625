import type { Step } from "./components/StepIndicator";

/**
 * The member manual's numbering of the first login (① open the portal ... ⑭ OTP set-up).
 * The passkey path ends at ⑫, the OTP path at ⑭; both are counted out of 14 like the manual.
 * One difference, on purpose: the email check comes before the new password (6 and 7 swapped),
 * because nothing chosen at ⑤ may take effect before the address is proven (README).
 */
const TOTAL = 14;

export const FIRST_LOGIN_STEPS = {
  login: { current: 2, total: TOTAL },
  birthdate: { current: 3, total: TOTAL },
  terms: { current: 4, total: TOTAL },
  methodChoice: { current: 5, total: TOTAL },
  email: { current: 6, total: TOTAL },
  newPassword: { current: 7, total: TOTAL },
  firstLoginDone: { current: 8, total: TOTAL },
  passkey: { current: [10, 12], total: TOTAL },
  otp: { current: 14, total: TOTAL },
} as const satisfies Record<string, Step>;
