// package.json's "start" and "test" run this path; the checks live in scripts/setup/ensure-deps.mjs.
import { ensureDeps } from "./setup/ensure-deps.mjs";
ensureDeps();
