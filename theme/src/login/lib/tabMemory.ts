/**
 * What the member typed earlier in this tab and a later page of the same login needs again. Keycloak
 * does not carry it to those pages (they are required actions), so the tab's sessionStorage does:
 * nothing here is a secret, and nothing the server decides depends on it.
 */
const KEY = {
  newUserId: "kenpo.newUserId",
  deviceName: "kenpo.deviceName",
  passwordReset: "kenpo.passwordReset",
} as const;

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    if (value === "") window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Storage disabled: the later page simply shows its defaults.
  }
}

/** ⑤'s new user ID as posted ("" when the member keeps the current one). */
export function rememberNewUserId(typed: string): void {
  write(KEY.newUserId, typed.normalize("NFKC").trim().toLowerCase());
}

/** True when the member asked for this user ID at ⑤ in this tab and it is now theirs. */
export function userIdChangedTo(username: string | undefined): boolean {
  const asked = read(KEY.newUserId);
  return asked !== null && asked !== "" && username !== undefined && asked === username.toLowerCase();
}

/** The device name typed before a failed registration, so 再試行 does not lose it. */
export function rememberDeviceName(name: string): void {
  write(KEY.deviceName, name);
}

export function typedDeviceName(): string | null {
  return read(KEY.deviceName);
}

/**
 * Whether ⑥ is the forgotten password's (the reset flow) rather than the first login's. Keycloak tells
 * them apart only by the notice it opens the page with, which an error then replaces: the page keeps
 * what its first render saw. Every ⑥ opens with its notice, so a later login overwrites it first.
 */
export function passwordResetInTab(fromNotice: boolean | undefined): boolean {
  if (fromNotice !== undefined) write(KEY.passwordReset, fromNotice ? "true" : "");
  return fromNotice ?? read(KEY.passwordReset) === "true";
}
