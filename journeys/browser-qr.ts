import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import type { Locator } from "playwright-core";

// jsqr is CommonJS whose exports is the function itself (with .default on it as well).
const jsQR = jsQRModule.default;

/** Reads a QR code shown on the page the way a phone camera would: from the pixels on screen. */
export async function readQrCode(image: Locator): Promise<string> {
  await image.scrollIntoViewIfNeeded();
  const png = PNG.sync.read(await image.screenshot());
  const found = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  if (!found) throw new Error(`no readable QR code in the ${png.width}×${png.height} image`);
  return found.data;
}
