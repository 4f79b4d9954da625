import type { CSSProperties } from "react";
import { BRAND, REALM_TEXT } from "../../../../contracts";
import type { I18n } from "../i18n";

/** Trims as FreeMarker's ?trim does (brandFtl.ts): characters up to U+0020, so both accept the same texts. */
function trimAsFreeMarker(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start += 1;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end -= 1;
  return text.slice(start, end);
}

export interface Brand {
  /** CSS custom properties for the page's root element; empty without a (valid) brand colour. */
  style: CSSProperties;
  /** The logo's data: URI, when the realm has a valid one. */
  logo?: string;
}

/**
 * The society's brand from the realm's texts (provisioned from the society file's brand). Checked again here
 * although provisioning checked it: an admin may edit realm texts in the console, and a value failing the check
 * is ignored (the theme's default look) rather than put into CSS or an image source.
 */
export function getBrand(i18n: I18n): Brand {
  const color = trimAsFreeMarker(i18n.msgStr(REALM_TEXT.brandColor));
  const dark = trimAsFreeMarker(i18n.msgStr(REALM_TEXT.brandColorDark));
  const logo = trimAsFreeMarker(i18n.msgStr(REALM_TEXT.brandLogo));
  const style: Record<string, string> = {};
  if (BRAND.color.test(color)) {
    style["--kp-primary"] = color;
    style["--kp-primary-dark"] = BRAND.color.test(dark) ? dark : color;
  }
  return { style, logo: BRAND.logo.test(logo) ? logo : undefined };
}
