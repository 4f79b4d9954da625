import { brandHeadFtl, FTL_LOGO_VARIABLE, SHELL_LOGO_PLACEHOLDER, shellLogo } from "./brandFtl";
import { BRAND } from "../../../contracts";

describe("the brand in the FreeMarker page (before any script)", () => {
  it("reads each brand text with the theme's own check, and sets the colour only when it passed", () => {
    const ftl = brandHeadFtl();
    expect(ftl).toContain('(msg("kenpoBrandColor")!"")?trim');
    expect(ftl).toContain('?matches("#[0-9a-fA-F]{6}")');
    // The shared check (contracts/ BRAND), in a FreeMarker string literal (\\ for one backslash).
    expect(ftl).toContain(String.raw`?matches("data:image/(png|svg\\+xml);base64,[A-Za-z0-9+/]{4,21848}={0,2}")`);
    expect(BRAND.logo.source).toBe(String.raw`^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]{4,21848}={0,2}$`);
    expect(BRAND.color.source).toBe("^#[0-9a-fA-F]{6}$");
    expect(ftl).toMatch(/<#if kpBrandColor\?has_content><style id="kp-brand">:root\{--kp-primary:\$\{kpBrandColor\};/);
  });

  it("the shell's logo shows only when the realm has one, with the realm's data", () => {
    const html = `<div><img class="kp-header__logo" src="${SHELL_LOGO_PLACEHOLDER}" alt="\${msg("kenpoSocietyName")}"/><span>x</span></div>`;
    expect(shellLogo(html)).toBe(
      `<div><#if ${FTL_LOGO_VARIABLE}?has_content><img class="kp-header__logo" src="\${${FTL_LOGO_VARIABLE}}" alt="\${msg("kenpoSocietyName")}"/></#if><span>x</span></div>`,
    );
    expect(() => shellLogo("<div></div>")).toThrow(/expected one logo placeholder, found 0/);
  });
});
