import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { BRAND } from "../contracts/index.js";
import { contrastWithWhite, darkerShade, formatRatio, logoDataUri } from "./brand.js";
import { ConfigError } from "./config-error.js";
import { BRAND_TEXT_KEYS, desiredLocalization } from "./desired-realm.js";
import { loadSocietyConfig, parseSocietyConfig } from "./load.js";

// The English texts are asserted, whatever the machine's locale.
process.env.LC_ALL = "C.UTF-8";

const demoFile = new URL("./societies/demo.yaml", import.meta.url).pathname;
const demo = parse(readFileSync(demoFile, "utf8")) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), "kenpo-brand-"));

/** The smallest valid PNG: a 1×1 transparent pixel. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#1b6e3a"/></svg>';

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The error for the demo config with `brand`, its relative paths resolved in the test folder. */
function brandProblem(brand: unknown): string {
  try {
    parseSocietyConfig({ ...demo, brand }, "society.yaml", dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("the config was accepted");
}

test.each([
  ["#ffffff", 1],
  ["#000000", 21],
  ["#0b5cad", 6.67],
  ["#767676", 4.54],
])("white text on %s has a contrast of about %d:1 (WCAG 2)", (hex, ratio) => {
  expect(contrastWithWhite(hex)).toBeCloseTo(ratio, 1);
});

test("a ratio just below the line never prints as the line", () => {
  expect(formatRatio(4.4999)).toBe("4.49:1");
});

test("the hover shade is darker, and the theme's default maps to (about) its hand-picked one", () => {
  expect(darkerShade("#0b5cad")).toBe("#094887");
  expect(contrastWithWhite(darkerShade("#1b6e3a"))).toBeGreaterThan(contrastWithWhite("#1b6e3a"));
});

test.each([
  [{ primaryColor: "#1b6e3a" }],
  [{ primaryColor: "#0B5CAD" }],
  [{ primaryColor: "#767676" }],
  [{ logo: "logo.png" }],
  [{ logo: "logo.svg", primaryColor: "#8b0000" }],
  [{}],
])("accepted: brand %j", (brand) => {
  file("logo.png", PNG);
  file("logo.svg", SVG);
  expect(parseSocietyConfig({ ...demo, brand }, "society.yaml", dir).brand).toBeDefined();
});

test.each([
  // Colour: the form, then the contrast with the buttons' white text.
  [{ primaryColor: "green" }, /brand\.primaryColor: a colour as #rrggbb \(six hex digits\) \(got "green"\)/],
  [{ primaryColor: "#1b6e3" }, /brand\.primaryColor: a colour as #rrggbb .*\(got "#1b6e3"\)/],
  [{ primaryColor: "#1b6e3a;x" }, /brand\.primaryColor: a colour as #rrggbb .*\(got "#1b6e3a;x"\)/],
  [
    { primaryColor: "#7fb3e0" },
    /brand\.primaryColor: white text on #7fb3e0 has a contrast of 2\.\d\d:1, below WCAG AA's 4\.5:1 .*\(got "#7fb3e0"\)/,
  ],
  [{ primaryColor: "#777777" }, /brand\.primaryColor: white text on #777777 has a contrast of 4\.4\d:1/],
  [{ primaryColor: 0x1b6e3a }, /brand\.primaryColor: /],
  // Logo: by its name, then the file.
  [{ logo: "logo.gif" }, /brand\.logo: a \.png or \.svg file \(got "logo\.gif"\)/],
  [{ logo: "missing.png" }, /brand\.logo: .*missing\.png: no such file \(a relative path starts at the society file\)/],
  [{ color: "#1b6e3a" }, /brand: unknown key "color"/],
])("refused: brand %j", (brand, message) => {
  expect(brandProblem(brand)).toMatch(message);
});

test.each([
  ["fake.png", Buffer.from("GIF89a not a png"), /not a PNG image/],
  ["big.png", Buffer.concat([PNG, Buffer.alloc(BRAND.maxLogoBytes)]), /bytes, at most 16384 \(16 KiB\)/],
  ["text.svg", "just text", /not an SVG image \(no <svg> element\)/],
  ["script.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /a <script> element/],
  ["onload.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', /an event handler attribute/],
  [
    "link.svg",
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
    /a javascript: URL/,
  ],
  [
    "html.svg",
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>x</div></foreignObject></svg>',
    /embedded HTML/,
  ],
  [
    "external.svg",
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/x.png"/></svg>',
    /a link to another file/,
  ],
  [
    "entity.svg",
    '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    /a DOCTYPE or entity declaration/,
  ],
  [
    "css.svg",
    '<svg xmlns="http://www.w3.org/2000/svg"><style>rect{fill:url(https://x.example/a)}</style></svg>',
    /a url\(\) to another file/,
  ],
])("refused logo file %s", (name, content, message) => {
  file(name, content);
  const text = brandProblem({ logo: name });
  expect(text).toMatch(/brand\.logo: /);
  expect(text).toMatch(message);
});

test("an SVG's own #fragment references are fine", () => {
  const svg = file(
    "gradient.svg",
    '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>',
  );
  expect(logoDataUri(svg)).toMatch(/^data:image\/svg\+xml;base64,/);
});

test("the logo's path starts at the society file's folder, and becomes the realm text as a data: URI", () => {
  const societyDir = mkdtempSync(join(tmpdir(), "kenpo-brand-society-"));
  writeFileSync(join(societyDir, "mark.png"), PNG);
  writeFileSync(
    join(societyDir, "society.yaml"),
    readFileSync(demoFile, "utf8") + "\nbrand:\n  primaryColor: '#1B6E3A'\n  logo: mark.png\n",
  );
  const config = loadSocietyConfig(join(societyDir, "society.yaml"));
  expect(config.brand?.logo).toBe(join(societyDir, "mark.png"));
  const texts = desiredLocalization(config);
  for (const locale of ["ja", "en"] as const) {
    expect(texts[locale]).toMatchObject({
      kenpoBrandColor: "#1b6e3a",
      kenpoBrandColorDark: darkerShade("#1b6e3a"),
      kenpoBrandLogo: `data:image/png;base64,${PNG.toString("base64")}`,
    });
  }
});

test("without a brand, no brand texts: the theme keeps its default look", () => {
  const texts = desiredLocalization(loadSocietyConfig(demoFile));
  for (const key of BRAND_TEXT_KEYS) expect(texts.ja).not.toHaveProperty(key);
});
