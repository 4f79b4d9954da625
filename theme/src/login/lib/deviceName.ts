import type { KenpoMessageKey } from "../i18n";

/** A default device name members recognise, from the browser's user agent (manual ⑫). */
export function guessDeviceNameKey(userAgent: string): KenpoMessageKey {
  if (/iPhone/i.test(userAgent)) return "kenpoDeviceIphone";
  if (/iPad/i.test(userAgent)) return "kenpoDeviceIpad";
  if (/Android/i.test(userAgent)) return "kenpoDeviceAndroid";
  // iPadOS presents itself as a Mac; a touch screen tells them apart.
  if (/Macintosh/i.test(userAgent) && typeof navigator !== "undefined" && navigator.maxTouchPoints > 1) {
    return "kenpoDeviceIpad";
  }
  return "kenpoDevicePc";
}

/** A smartphone's user agent (tablets are not: they get a computer's texts). The shells test it too, before the bundle. */
export const SMARTPHONE_USER_AGENT = /iPhone|Android.*Mobile/i;

export function isSmartphone(userAgent: string): boolean {
  return SMARTPHONE_USER_AGENT.test(userAgent);
}
