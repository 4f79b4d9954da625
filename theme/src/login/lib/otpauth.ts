/**
 * The set-up link an authenticator app opens on the phone itself (otpauth://, the Key Uri Format the
 * apps read from QR codes). On a smartphone the QR code is on the phone's own screen, so the link,
 * or the key copied, is the member's way in. Same contents as Keycloak's QR code: issuer (the
 * society) and account (the user ID) as the app lists them, and the realm's OTP policy.
 */
export function otpauthUri(opts: {
  issuer: string;
  account: string;
  secretBase32: string;
  algorithm: string;
  digits: number;
  period: number;
}): string {
  const issuer = encodeURIComponent(opts.issuer);
  const params = new URLSearchParams({
    secret: opts.secretBase32.replace(/\s+/g, ""),
    issuer: opts.issuer,
    algorithm: opts.algorithm,
    digits: String(opts.digits),
    period: String(opts.period),
  });
  return `otpauth://totp/${issuer}:${encodeURIComponent(opts.account)}?${params.toString()}`;
}

/**
 * A default device name not yet used by the member's devices: Keycloak refuses a second device with
 * the same name (a new phone keeping the suggested "iPhone"), so the suggestion becomes "iPhone (2)".
 */
export function unusedDeviceName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((label) => label.trim()));
  if (!used.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const candidate = `${name} (${n})`;
    if (!used.has(candidate)) return candidate;
  }
}
