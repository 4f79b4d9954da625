/**
 * What the CLI tells admins, in English: the key names the message, `{name}` its parameters. The Japanese
 * catalogue (ja.ts) has the same keys with the same parameters (messages.test.ts checks both).
 */
export const en = {
  // Society and config
  whichSociety:
    "which society? pass --config FILE or set KENPO_CONFIG (the local demo: --config realm-config/societies/demo.yaml)",
  configUnreadable: "cannot read {file}: {reason}",
  configNotYaml: "{file} is not valid YAML: {reason}",
  configInvalid: "{source} is invalid:",
  configReference: "every key, with its type, default and an example: {reference}",
  configKeyMissing: "{where}: required key missing (expected {kind})",
  configUnknownKey: '{where}: unknown key "{key}"',
  configDidYouMean: "did you mean {keys}?",
  configKeysHere: "(keys here: {keys})",
  configQuoteIt: "quote it to make it text",
  orList: "{items} or {last}",

  // Provision
  provisionUpToDate: "realm {realm} is up to date: nothing to change",
  provisionDryRun: "dry run: {count} change(s) planned for realm {realm}, nothing written",
  provisionApplied: "applied {count} change(s) to realm {realm}",

  // The register's header
  headerUnknown:
    "unknown column(s): {columns}; expected {expected}. To leave such a column out, pass --ignore-columns {suggestion} or list it under register.ignoreColumns in the society config",
  headerTwice: 'column "{column}" appears twice (as {field})',
  headerMissing: "missing column(s): {columns}",
  headerNameParts: 'column "{column}" holds the whole name: give either it or {last} and {first}, not both',
  headerNotFirstLine: "the header must be on line 1 (found on line {line})",
  fileEmpty: "the file is empty: no header line",
  fileCannotOpen: "cannot open {file}: {reason}",
  fileEncodingUnknown:
    "cannot tell the encoding of {file} (neither UTF-8 nor Shift_JIS); save it as UTF-8 or pass --encoding",
  fileEncodingOption: "--encoding {name}: use utf-8 or shift_jis",
  fileLine: "line {line}: {message}",

  // A row
  rowGot: ' (got "{value}")',
  rowEmpty: "{column} is empty",
  rowTooLong: "{column} is longer than 100 characters",
  rowControlCharacters: "{column} must not contain line breaks or control characters",
  rowUserId: "{column} must be 3–64 characters: a–z, 0–9, '.', '_', '-', '@', starting with a letter or digit",
  rowSymbol: "{column} must be 1–8 digits",
  rowNumber: "{column} must be 1–10 digits",
  rowBranch: "{column} must be up to 3 digits",
  rowEmail: "{column} is not an email address",
  rowPersonNumber: "{column} must be 1–20 letters, digits or '-'",
  rowFullNameSplit: "{column} needs a space between the family name and the given name (e.g. 山田 太郎)",
  rowExtraFields: "the row has {fields} fields but the header has {width}",
  rowDuplicateUserId:
    '{column} "{userId}" appears more than once (also on line {lines}); user IDs are compared in lower case',
  rowDuplicateCard:
    "the card ({card}) appears more than once (also on line {lines}); each member needs their own card, family members their 枝番",
  rowDuplicatePerson: "the person number ({person}) appears more than once (also on line {lines}); it names one person",
  birthdateFormat:
    "{column}: use YYYYMMDD, YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 or a Japanese era date such as 昭和55年12月1日 or S55.12.1",
  birthdateEraYear: "{column}: the era year must be 1 (元年) or more",
  birthdateImpossible: "{column}: {date} is not a date in the calendar",
  birthdateOutsideEra: "{column}: {date} is outside {era} ({from} – {until})",
  birthdateFuture: "{column}: {date} is in the future",
  birthdateTooOld: "{column}: {date} is before 1900",

  // The import's report
  reportErrorLine: "  line {line}, {column}: {message}",
  reportMoreErrors: "  … and {count} more (use --report json for all)",
  reportValidated: "{file} ({encoding}): {total} rows, {valid} valid, {invalid} invalid",
  reportInvalid: "{invalid} of {total} rows are invalid; nothing was written (fix them, or pass --skip-invalid):",
  reportValidOf: "{file}: {valid} valid member(s) of {total}",
  reportInvalidSkipped: " ({invalid} invalid row(s) skipped)",
  reportPlan:
    "  plan: {create} to create, {skip} already in realm {realm} (left as they are), {update} to update, {conflict} in conflict",
  reportDryRun: "  dry run: nothing was written",
  reportWritten:
    "  {created} created, {skipped} skipped, {updated} updated in {seconds} s, passwords hashed here with {algorithm}",
  reportPlanned: "  {what}: {ids}",
  reportRenamed: "  line {line}: {userId} is in the realm as {currentUserId} (matched by card)",
  reportMoreRenamed: "  … and {count} more matched by card under another user ID",
  reportConflicts: "{count} row(s) conflict with accounts in realm {realm}; {outcome}:",
  conflictOthersWouldBeWritten: "the other rows would be written",
  conflictOthersWritten: "the other rows were written",
  conflictWouldWriteNothing:
    "the import would write nothing (fix them, or pass --skip-invalid to import the other rows)",
  conflictWroteNothing: "nothing was written (fix them, or pass --skip-invalid to import the other rows)",
  importInterrupted:
    "import interrupted: {reason}. Members written so far stay; run the same command again to finish (existing members are skipped).",

  // Why a row of the register is planned as it is (the import's and the sync's plans); cards masked
  reasonNoCard: "the row has no usable card (記号 and 番号 must be digits)",
  reasonCardTwiceInFile: "the same card ({card}) is on line {earlier} of this input",
  reasonCardHeldByMany:
    "{count} accounts in the realm have this card ({card}): {names}; keep one of them before importing this row",
  reasonUserIdOfOther:
    'user ID "{userId}" is another account\'s, but the card ({card}) is "{holder}"\'s; check the row, it is not updated',
  reasonUserIdTaken: 'user ID "{userId}" already belongs to {whose}',
  holderOnLine: "the member on line {line} of this input",
  holderOnRegisterLine: "the member on line {line} of this register",
  holderOtherCard: "the account of another card ({card})",
  holderNoCard: "an account without card data",
  reasonAccountChanged: "the account with this card ({card}) changed or went away during the run; run it again",
  syncReasonCardHeldByMany:
    "{count} accounts in the realm have the card ({card}): {names}; keep one of them before syncing this row",
  syncReasonPersonHeldByMany: "{count} accounts in the realm have the person number ({person}): {names}",
  syncReasonCardOfOtherPerson:
    'the card ({card}) is held by "{holder}", another account than the person number\'s ("{person}"); a member is never moved onto another person\'s card',
  syncReasonPersonMismatch:
    "the card ({card}) is held by \"{holder}\", whose person number ({theirs}) is not this row's ({ours}); a member is never moved onto another person's card",
  syncReasonOldCard:
    'the card ({card}) is "{holder}"\'s old card, and their person number ({person}) is on another row of this register; check this row',
  syncReasonMatchedTwice: '"{holder}" is already matched by line {earlier} of this register; check both rows',
  syncReasonJoins: "joins: the card ({card}) is not in the realm",
  syncNoteAdminDisabled: '"{userId}" was disabled by an admin, not by a register sync: left disabled',
  syncReasonReturns: "back in the register (left it on {date}): enabled again",
  syncReasonNewCard: "new card: {from} → {to}",
  syncReasonNewCardByPerson: "new card: {from} → {to} (matched by person number)",
  syncReasonPersonRecorded: "person number recorded",
  syncReasonName: "name changed",
  syncReasonEmail: "email address changed",
  syncReasonBirthdate: "生年月日 changed",
  syncReasonLeft: "left: no row of this register has the card ({card})",
  syncReasonLeftPerson: "left: no row of this register has the card ({card}) or the person number ({person})",

  syncInterrupted:
    "register sync interrupted: {reason}. What was written stays; run the same command again to finish (the realm says what is left).",
  registerChanged:
    "the register changed between planning and writing ({where}); what was written before stays, nothing else was written: run it again",
  registerChangedLine: "at line {line}",
  registerChangedRows: "{planned} rows planned, {read} read",
  registerChangedWhole: "rows were added, removed or edited",
  realmChanged: "accounts were added or removed while the realm was read (another import or sync running?)",

  // The register sync's report (its first line, errors and "dry run" are the import's)
  syncPlan:
    "  plan for realm {realm}: {create} join, {update} to update ({return} returning), {leave} leave (disabled, sessions ended), {keep} unchanged, {conflict} in conflict",
  syncLeaving: "  leaving: {leaving} of {active} active members ({percent} %; the society's limit is {maxPercent} %)",
  syncWritten: "  {created} created, {updated} updated, {disabled} disabled: {writes} write(s) in {seconds} s",
  syncChange: "  {where}, {action} {userId}: {reasons}",
  syncLine: "line {line}",
  syncNoRow: "no row",
  syncActionCreate: "create",
  syncActionUpdate: "update",
  syncActionLeave: "leave",
  syncNote: "  line {line}: {note}",
  syncOthersWouldBeSynced: "the other rows would be synced; the accounts they may mean are left as they are",
  syncOthersSynced: "the other rows were synced; the accounts they may mean are left as they are",
  syncWouldWriteNothing: "the sync would write nothing (fix them, or pass --skip-invalid to sync the other rows)",
  syncWroteNothing: "the sync wrote nothing (fix them, or pass --skip-invalid to sync the other rows)",
  syncGuard:
    "{leaving} of {active} active members ({percent} %) would be disabled, more than the society's limit of {maxPercent} % (policies.registerSyncMaxLeavePercent); {outcome}. Check that the register is complete, or pass --force if they did leave.",
  syncGuardWouldWriteNothing: "the sync would write nothing",
  syncGuardWroteNothing: "the sync wrote nothing",

  // reset-password
  resetNoMember: 'no member with user ID "{userId}" in realm {realm}',
  resetNoCard: "member {userId} has no usable card data ({field}): re-import the member's row first",
  resetDone:
    "{userId}: password reset to the initial password (記号+番号+生年月日); the member starts again at the birthdate step (③)",
  resetNoDevices: "  no passkeys or OTP devices were registered",
  resetRemovedOtp: "  removed OTP device: {name}",
  resetRemovedPasskey: "  removed passkey: {name}",
  resetEmailAgain: "  the email address is to be confirmed again at the next first login (⑦)",
  resetKept: "  kept: {names} (use --remove-mfa if the phone was lost or changed)",

  // The help desk's look-ups (kenpo member, kenpo events)
  deskEnabled: "{userId}: enabled",
  deskDisabledByAdmin: "{userId}: DISABLED by an admin",
  deskDisabledLeft: "{userId}: DISABLED: left the register (register sync, {date})",
  deskCard: "  card: {card}",
  deskCardPerson: "  card: {card} · {person}",
  deskNoCard: "  card: (no card data)",
  deskNoCardPerson: "  card: (no card data) · {person}",
  deskStage: "  stage: {stage}",
  deskStageStored: "  stage: {stage} (stored: {stored})",
  deskMethod: " · method chosen at ⑤: {method}",
  deskEmailConfirmed: " · email confirmed",
  deskEmailNotConfirmed: " · email not confirmed",
  deskStoredNone: "none",
  stageInitial: "initial",
  stageEnrolling: "enrolling",
  stageActive: "active",
  methodPasskey: "passkey",
  methodOtp: "otp",
  deviceSecurityKey: "security key",
  deskDevices: "  devices: {devices}",
  deskNoDevices: "  devices: none registered",
  deskDevice: '{kind} "{name}"',
  deskDeviceRegistered: '{kind} "{name}" (registered {date})',
  deskLocked:
    "  lock: LOCKED after {failures} wrong answer(s){last}; it ends by itself after the society's lockout minutes (kenpo reset-password also lifts it)",
  deskLastFailure: ", last at {time}",
  deskLastFailureFrom: ", last at {time} from {ip}",
  deskNotLocked: "  lock: not locked ({failures} wrong answer(s) counted)",
  deskLastLogins: "  last logins: ",
  deskLastLoginsNone: "  last logins: none stored",
  deskLastLoginsNotStored: "  last logins: {notStored}",
  deskNotStored: "this realm does not store login events (eventsEnabled is off): provision the society's config",
  deskEvents: "{userId}: {count} event(s), newest first",
  deskEventsSince: "{userId}: {count} event(s) since {since}, newest first",
} as const;
