import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { keycloakPageId } from "./browser.js";

/**
 * Records a member's journey in the browser: every screen they see (with a screenshot when a
 * folder is given) and every input they make, so tests can print the counts and the manual
 * generator can show each step.
 */

export interface Screen {
  /** 1-based order in the journey. */
  index: number;
  /** The paper manual's step number (①…⑭), or "" for screens the manual does not number. */
  step: string;
  /** Keycloak page id, or "portal". */
  pageId: string;
  /** Short instruction for the member (our own words, Japanese then English). */
  instruction: { ja: string; en: string };
  device: string;
  screenshot?: string;
}

export interface MemberInput {
  /** On which screen (index) the member made it. */
  screen: number;
  kind: "type" | "tap" | "biometric" | "mail" | "app";
  what: string;
}

export class Journey {
  readonly screens: Screen[] = [];
  readonly inputs: MemberInput[] = [];
  /** Documents the browser loaded (cross-document navigations), per device. */
  private readonly loads = new Map<Page, number>();

  constructor(
    readonly name: string,
    private readonly options: { screenshotsDir?: string; log?: (line: string) => void } = {},
  ) {
    if (options.screenshotsDir) mkdirSync(options.screenshotsDir, { recursive: true });
  }

  /** Starts counting page loads on this device's page. */
  watch(page: Page): void {
    if (this.loads.has(page)) return;
    this.loads.set(page, 0);
    page.on("load", () => this.loads.set(page, (this.loads.get(page) ?? 0) + 1));
  }

  get pageLoads(): number {
    return [...this.loads.values()].reduce((a, b) => a + b, 0);
  }

  /** The member now sees a new screen: note it (and photograph it). */
  async screen(page: Page, step: string, instruction: { ja: string; en: string }, device = "pc"): Promise<Screen> {
    const pageId = (await keycloakPageId(page)) ?? "portal";
    const index = this.screens.length + 1;
    const screen: Screen = { index, step, pageId, instruction, device };
    if (this.options.screenshotsDir) {
      // Let fonts, images and the step indicator settle before the photograph.
      await page.waitForLoadState("networkidle").catch(() => undefined);
      await page.evaluate(() => document.fonts?.ready).catch(() => undefined);
      const file = `${String(index).padStart(2, "0")}-${slug(step || pageId)}-${device}.png`;
      await page.screenshot({ path: join(this.options.screenshotsDir, file), fullPage: true, scale: "css" });
      screen.screenshot = file;
    }
    this.screens.push(screen);
    this.options.log?.(`  [${this.name}] screen ${index} ${step} ${pageId} (${device})`);
    return screen;
  }

  private note(kind: MemberInput["kind"], what: string): void {
    this.inputs.push({ screen: this.screens.length, kind, what });
  }

  async type(locator: Locator, value: string, what: string): Promise<void> {
    await locator.fill(value);
    this.note("type", what);
  }

  async tap(locator: Locator, what: string): Promise<void> {
    await locator.click();
    this.note("tap", what);
  }

  async check(locator: Locator, what: string): Promise<void> {
    await locator.check();
    this.note("tap", what);
  }

  /** An input outside the page: the face/fingerprint check, opening a mail, reading the OTP app. */
  outside(kind: "biometric" | "mail" | "app", what: string): void {
    this.note(kind, what);
  }

  summary(): string {
    const byKind = new Map<string, number>();
    for (const input of this.inputs) byKind.set(input.kind, (byKind.get(input.kind) ?? 0) + 1);
    const kinds = [...byKind.entries()].map(([k, n]) => `${k} ${n}`).join(", ");
    return `${this.name}: ${this.screens.length} screens, ${this.pageLoads} page loads, ${this.inputs.length} member inputs (${kinds})`;
  }
}

/** ASCII file names: "⑩〜⑫" → "step10-12", "完了" → "done", page ids without ".ftl". */
function slug(text: string): string {
  const circled = text.replace(/[①-⑳]/g, (c) => String(c.charCodeAt(0) - 0x2460 + 1));
  if (/^\d/.test(circled)) return `step${circled.replace(/[^0-9]+/g, "-").replace(/-$/, "")}`;
  if (text === "完了") return "done";
  return (
    text
      .replace(/\.ftl$/, "")
      .replace(/[^a-z0-9-]+/gi, "-")
      .replace(/^-|-$/g, "") || "screen"
  );
}
