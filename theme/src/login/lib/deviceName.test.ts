import { guessDeviceNameKey, isSmartphone } from "./deviceName";

describe("guessDeviceNameKey", () => {
  it.each([
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", "kenpoDeviceIphone"],
    ["Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15", "kenpoDeviceIpad"],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36",
      "kenpoDeviceAndroid",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36", "kenpoDevicePc"],
  ])("%s → %s", (userAgent, key) => {
    expect(guessDeviceNameKey(userAgent)).toBe(key);
  });

  it("tells phones from tablets and computers", () => {
    expect(isSmartphone("Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/130.0 Mobile Safari/537.36")).toBe(true);
    expect(isSmartphone("Mozilla/5.0 (Linux; Android 14; SM-X710) Chrome/130.0 Safari/537.36")).toBe(false);
    expect(isSmartphone("Mozilla/5.0 (Windows NT 10.0; Win64; x64)")).toBe(false);
  });
});
