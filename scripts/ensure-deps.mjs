// `npm start` and `npm test` on a fresh clone: install the locked node packages first when they are
// missing or older than package-lock.json, so the README's two commands are all a newcomer types.
// Plain Node (no dependencies): it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lock = join(root, "package-lock.json");
const installed = join(root, "node_modules", ".package-lock.json");

const fresh = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
if (!fresh) {
  process.stderr.write("Installing node packages (npm ci)…\n");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=warn"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    process.stderr.write(`npm ci failed (exit ${result.status ?? result.signal}); run it yourself to see why.\n`);
    process.exit(result.status ?? 1);
  }
}
