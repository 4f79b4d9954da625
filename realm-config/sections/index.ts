import type { Section } from "../plan-types.js";
import { clientsSection } from "./clients.js";
import { flowsSection } from "./flows.js";
import { localizationSection } from "./localization.js";
import { realmSection } from "./realm.js";
import { requiredActionsSection } from "./required-actions.js";
import { sideDoorsSection } from "./side-doors.js";
import { userProfileSection } from "./user-profile.js";

/** Applied in this order: later sections rely on what earlier ones created. */
export const SECTIONS: Section[] = [
  realmSection,
  localizationSection,
  userProfileSection,
  requiredActionsSection,
  clientsSection,
  sideDoorsSection,
  flowsSection,
];
