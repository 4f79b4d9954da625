import { REALM_TEXT } from "../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock, realmTextsMock } from "./mocks";
import { renderPage } from "../../test/render";

const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

async function renderWith(brand: Partial<Record<string, string>>) {
  await renderPage(
    getKcContextMock({
      pageId: "login.ftl",
      overrides: { "x-keycloakify": { messages: { ...realmTextsMock, ...brand } } },
    }),
  );
  return document.querySelector<HTMLElement>(".kp-page")!;
}

describe("the society's brand (realm texts from the society file's brand)", () => {
  it("colours the page and shows the logo with the society's name as its alt text", async () => {
    const page = await renderWith({
      [REALM_TEXT.brandColor]: "#1b6e3a",
      [REALM_TEXT.brandColorDark]: "#15562d",
      [REALM_TEXT.brandLogo]: PNG,
    });
    expect(page.style.getPropertyValue("--kp-primary")).toBe("#1b6e3a");
    expect(page.style.getPropertyValue("--kp-primary-dark")).toBe("#15562d");
    expect(screen.getByRole("img", { name: realmTextsMock[REALM_TEXT.societyName] })).toHaveAttribute("src", PNG);
  });

  it("without a brand: no style, no logo (the stylesheet's default look)", async () => {
    const page = await renderWith({});
    expect(page.getAttribute("style")).toBeNull();
    expect(screen.queryByRole("img")).toBeNull();
  });

  // Realm texts can be edited in the admin console: anything but the exact forms is ignored, never put into CSS
  // or an image source.
  it.each([
    ["a GIF", "red", "data:image/gif;base64,R0lGODlhAQABAAAAACw="],
    ["a javascript: URL", "#1b6e3a;background:url(https://x.example/)", "javascript:alert(1)"],
    ["an SVG not in base64", "#1b6e3a}", "data:image/svg+xml,<svg onload=alert(1)>"],
    ["a PNG with markup after it", "1b6e3a", `${PNG}"><script>`],
    // Accepted by JavaScript's trim but not by FreeMarker's (an ideographic space); a logo above 16 KiB.
    ["a PNG above 16 KiB", "#1b6e3a\u3000", "data:image/png;base64,AAAA".padEnd(21_900, "A")],
  ])("ignores %s as the logo and colour %j", async (_, color, logo) => {
    const page = await renderWith({ [REALM_TEXT.brandColor]: color, [REALM_TEXT.brandLogo]: logo });
    expect(page.getAttribute("style")).toBeNull();
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("a valid colour with a broken hover shade uses the colour itself for hover", async () => {
    const page = await renderWith({ [REALM_TEXT.brandColor]: "#8b0000", [REALM_TEXT.brandColorDark]: "x" });
    expect(page.style.getPropertyValue("--kp-primary-dark")).toBe("#8b0000");
  });
});
