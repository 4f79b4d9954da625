import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { BRAND } from "../contracts/index.js";
import { ConfigError } from "./config-error.js";

/**
 * A society's brand: the primary colour (buttons put white text on it, links print it on white) and the logo the
 * login pages' header shows. Both reach the login theme as realm localization texts (contracts/ REALM_TEXT), so a
 * provision changes them on a running Keycloak: one theme JAR serves every realm.
 */

/** WCAG 2 AA for normal text: the buttons' white text on the colour, the links' colour on white. */
export const MIN_CONTRAST = 4.5;

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2's relative luminance of an sRGB colour "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of white text on the colour (1 to 21). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/** "4.47:1", rounded down so a colour just below the line never reads as 4.50:1. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/**
 * The hover shade of the primary colour: each channel at 78 %, which takes the theme's default #0b5cad to
 * #094887, next to its hand-picked #084785. Darker only, so its contrast with white is at least the colour's own.
 */
export function darkerShade(hex: string): string {
  return `#${channels(hex)
    .map((c) =>
      Math.round(c * 0.78)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What an SVG logo may not contain. The page shows the logo as an <img> of a data: URI, where browsers run no
 * script and load nothing: that is what keeps it harmless. These patterns refuse the obvious cases on top, so a
 * logo never depends on something outside it; they are not a sanitiser (namespace prefixes or entity-encoded
 * text can pass them), so the logo must never be shown other than as an image.
 */
const SVG_REFUSED: [RegExp, string][] = [
  [/<script\b/i, "a <script> element"],
  [/\son[a-z]+\s*=/i, "an event handler attribute (on…=)"],
  [/javascript:/i, "a javascript: URL"],
  [/<(foreignObject|iframe|embed|object)\b/i, "embedded HTML (foreignObject, iframe, embed or object)"],
  [/<!(DOCTYPE|ENTITY)\b/i, "a DOCTYPE or entity declaration"],
  [/\bhref\s*=\s*["']\s*(?!#)/i, "a link to another file (only #fragment references are allowed)"],
  [/url\(\s*["']?\s*(?!#)/i, "a url() to another file (only #fragment references are allowed)"],
  [/@import\b/i, "a stylesheet @import"],
];

/**
 * The logo file as the data: URI the login theme shows, after checking it: a PNG or SVG by its name and by its
 * content, at most BRAND.maxLogoBytes, an SVG without scripts or outside references. `file` is an absolute path (the
 * loader resolves brand.logo against the society file's folder).
 */
export function logoDataUri(file: string): string {
  const where = `brand.logo: ${file}`;
  const type = extname(file).toLowerCase();
  if (type !== ".png" && type !== ".svg") throw new ConfigError(`${where}: a logo is a .png or .svg file`);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new ConfigError(`${where}: no such file (a relative path starts at the society file)`);
  if (stat.size > BRAND.maxLogoBytes) {
    throw new ConfigError(
      `${where}: ${stat.size} bytes, at most ${BRAND.maxLogoBytes} (16 KiB) are accepted: every login page carries the logo`,
    );
  }
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new ConfigError(`${where}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (type === ".png") {
    if (!data.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE))
      throw new ConfigError(`${where}: not a PNG image (the file does not start with PNG's signature)`);
    return `data:image/png;base64,${data.toString("base64")}`;
  }
  const text = data.toString("utf8");
  if (!/<svg[\s>]/i.test(text)) throw new ConfigError(`${where}: not an SVG image (no <svg> element)`);
  for (const [pattern, what] of SVG_REFUSED) {
    if (pattern.test(text)) throw new ConfigError(`${where}: the SVG contains ${what}; remove it or use a PNG`);
  }
  return `data:image/svg+xml;base64,${data.toString("base64")}`;
}
