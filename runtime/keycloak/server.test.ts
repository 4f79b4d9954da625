import { lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { instancesDir, prepareHome } from "./server.js";

describe("prepareHome", () => {
  const name = `unit-link-${process.pid}`;
  const scratch = mkdtempSync(join(tmpdir(), "kenpo-dist-"));
  afterAll(() => {
    rmSync(join(instancesDir(), name), { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  test("a linked Keycloak home is copied, not linked: the instance never writes into the installation", () => {
    const real = join(scratch, "keycloak-26.x");
    mkdirSync(join(real, "bin"), { recursive: true });
    writeFileSync(join(real, "bin", "kc.sh"), "#!/bin/sh\n");
    const link = join(scratch, "keycloak");
    symlinkSync(real, link);

    const home = prepareHome(link, name, []);

    expect(lstatSync(home).isSymbolicLink()).toBe(false);
    expect(lstatSync(join(home, "bin", "kc.sh")).isFile()).toBe(true);
    expect(lstatSync(join(home, "providers")).isDirectory()).toBe(true);
    // The instance's providers/ is its own: nothing appeared in the installation.
    expect(() => lstatSync(join(real, "providers"))).toThrow();
  });
});
