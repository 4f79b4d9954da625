import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, whatever the current directory is. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Ignored folder for everything downloaded or generated at run time (see .gitignore). */
export const cacheDir = process.env.KENPO_CACHE_DIR ?? join(repoRoot, ".cache");

/** Provider JARs produced by `npm run build` (theme + authenticators). */
export const providersBuildDir = join(repoRoot, "build", "providers");
