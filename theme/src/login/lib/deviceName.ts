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

export function isSmartphone(userAgent: string): boolean {
  return /iPhone|Android.*Mobile/i.test(userAgent);
}
