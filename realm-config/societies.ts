import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, loadSocietyConfig } from "./load.js";
import type { SocietyConfig } from "./schema.js";

/**
 * Several societies on one Keycloak: one config file per society, one realm each. A folder stands for
 * the YAML files in it. All of them are read and checked before any realm is touched, so a typo in the
 * tenth society's file never leaves nine provisioned and one not.
 */

export interface SocietyFile {
  file: string;
  config: SocietyConfig;
}

/** The files named, a folder read as its *.yaml / *.yml files in name order. */
export function societyFiles(paths: string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) return [path];
    const files = readdirSync(path)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(path, name));
    if (files.length === 0) throw new ConfigError(`${path}: a folder of society configs, but it has no .yaml file`);
    return files;
  });
}

/** Every society's config, checked; two files naming one realm would provision one society over another. */
export function loadSocieties(paths: string[]): SocietyFile[] {
  const societies = societyFiles(paths).map((file) => ({ file, config: loadSocietyConfig(file) }));
  const byRealm = new Map<string, string>();
  for (const { file, config } of societies) {
    const other = byRealm.get(config.realm);
    if (other !== undefined)
      throw new ConfigError(`${file}: realm "${config.realm}" is also ${other}'s; each society needs its own realm`);
    byRealm.set(config.realm, file);
  }
  return societies;
}
