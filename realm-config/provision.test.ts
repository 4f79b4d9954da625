import type { Change } from "./plan-types.js";
import { ProvisionFailed, provisionReport, provisionSummary } from "./provision.js";

const change = (section: string, action: Change["action"], target: string, details: string[] = []): Change => ({
  section,
  action,
  target,
  details,
  apply: () => Promise.resolve(),
});
const PLAN = [
  change("realm", "create", "realm soc", ["locales: ja, en"]),
  change("clients", "create", "client portal"),
];

test.each<[string, ReturnType<typeof provisionReport>, string]>([
  [
    "a dry run",
    provisionReport("soc", true, PLAN),
    "+ realm: create realm soc\n    locales: ja, en\n+ clients: create client portal\ndry run: 2 change(s) planned for realm soc, nothing written\n",
  ],
  [
    "an apply (its changes were printed as they were written)",
    provisionReport("soc", false, PLAN),
    "applied 2 change(s) to realm soc\n",
  ],
  ["an up-to-date realm", provisionReport("soc", false, []), "realm soc is up to date: nothing to change\n"],
  [
    "a failed apply (the error goes to stderr)",
    provisionReport("soc", false, PLAN, new ProvisionFailed("x", PLAN, false)),
    "",
  ],
])("the text of %s", (_what, report, text) => {
  expect(provisionSummary(report)).toBe(text);
});

test("the JSON report: the same change list for a dry run and an apply; a rolled-back new realm counts 0 applied", () => {
  const dry = provisionReport("soc", true, PLAN);
  expect(dry).toEqual({
    realm: "soc",
    dryRun: true,
    applied: 0,
    changes: [
      {
        section: "realm",
        action: "create",
        target: "realm soc",
        description: "create realm soc",
        details: ["locales: ja, en"],
      },
      {
        section: "clients",
        action: "create",
        target: "client portal",
        description: "create client portal",
        details: [],
      },
    ],
  });
  expect(provisionReport("soc", false, PLAN)).toEqual({ ...dry, dryRun: false, applied: 2 });
  const failed = new ProvisionFailed(
    "provisioning failed at create client portal (clients), the new realm soc was removed again: 409",
    PLAN.slice(0, 1),
    true,
  );
  expect(provisionReport("soc", false, failed.applied, failed)).toMatchObject({
    applied: 0,
    changes: [{ description: "create realm soc" }],
    error: { message: failed.message, rolledBack: true },
  });
});
