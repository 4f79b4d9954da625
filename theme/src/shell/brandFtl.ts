import { BRAND, REALM_TEXT } from "../../../contracts";

/**
 * The society's brand in the page Keycloak serves, before any script runs: FreeMarker reads the realm's brand
 * texts (contracts/ REALM_TEXT, provisioned from the society file), keeps each only if it has the exact form the
 * theme accepts (lib/brand.ts checks the same in the browser), and sets the colour in a <style> after the theme's
 * stylesheet. So every page, with a shell or without, paints in the society's colour from the first frame; the
 * shells show the logo through FTL_LOGO_VARIABLE.
 */

/** The FreeMarker variable holding the checked logo data: URI ("" when none). */
export const FTL_LOGO_VARIABLE = "kpBrandLogo";

/**
 * contracts/ BRAND's pattern for FreeMarker's ?matches, which must match the whole text (no ^ $) and reads it
 * from a string literal, where "\\" is one backslash ("/" needs no escape there).
 */
function ftlPattern(pattern: RegExp): string {
  return pattern.source.slice(1, -1).replace(/\\\//g, "/").replace(/\\/g, "\\\\");
}
const HEX = ftlPattern(BRAND.color);
const LOGO = ftlPattern(BRAND.logo);

export function brandHeadFtl(): string {
  const text = (key: string) => `(msg("${key}")!"")?trim`;
  return [
    `<#assign kpBrandColor = ${text(REALM_TEXT.brandColor)}>`,
    `<#if !kpBrandColor?matches("${HEX}")><#assign kpBrandColor = ""></#if>`,
    `<#assign kpBrandColorDark = ${text(REALM_TEXT.brandColorDark)}>`,
    `<#if !kpBrandColorDark?matches("${HEX}")><#assign kpBrandColorDark = kpBrandColor></#if>`,
    `<#assign ${FTL_LOGO_VARIABLE} = ${text(REALM_TEXT.brandLogo)}>`,
    `<#if !${FTL_LOGO_VARIABLE}?matches("${LOGO}")><#assign ${FTL_LOGO_VARIABLE} = ""></#if>`,
    `<#if kpBrandColor?has_content><style id="kp-brand">:root{--kp-primary:\${kpBrandColor};--kp-primary-dark:\${kpBrandColorDark}}</style></#if>`,
  ].join("");
}

/**
 * A logo the shell renders in place of the realm's (a valid data: URI, so the page's own check lets it through);
 * `shellLogo` then swaps its <img> for one that shows the realm's logo, only when the realm has one.
 */
export const SHELL_LOGO_PLACEHOLDER = "data:image/png;base64,a3BTaGVsbExvZ28=";

export function shellLogo(html: string): string {
  const img = new RegExp(`<img[^>]*src="${SHELL_LOGO_PLACEHOLDER.replace(/[+/.]/g, "\\$&")}"[^>]*>`, "g");
  const found = html.match(img) ?? [];
  if (found.length !== 1) throw new Error(`theme shells: expected one logo placeholder, found ${found.length}`);
  return html.replace(
    img,
    (tag) =>
      `<#if ${FTL_LOGO_VARIABLE}?has_content>${tag.replace(SHELL_LOGO_PLACEHOLDER, `\${${FTL_LOGO_VARIABLE}}`)}</#if>`,
  );
}
