import type { MessageKey } from "./catalogue.js";

/** What the CLI tells admins, in Japanese (the locale is ja_JP.* or ja.*): the same keys and parameters as en.ts. */
export const ja: Record<MessageKey, string> = {
  whichSociety:
    "どの組合の設定か分かりません。--config FILE を指定するか KENPO_CONFIG を設定してください（ローカルのデモ: --config realm-config/societies/demo.yaml）",
  configUnreadable: "{file} を読めません: {reason}",
  configNotYaml: "{file} は正しい YAML ではありません: {reason}",
  configInvalid: "{source} に誤りがあります:",
  configReference: "すべてのキーの型・既定値・例: {reference}",
  configKeyMissing: "{where}: 必須のキーがありません（{kind}を指定してください）",
  configUnknownKey: "{where}: 不明なキー「{key}」",
  configDidYouMean: "{keys} のことですか？",
  configKeysHere: "（ここで使えるキー: {keys}）",
  configQuoteIt: "文字列にするには引用符で囲んでください",
  orList: "{items} または {last}",

  provisionUpToDate: "レルム {realm} は最新です: 変更はありません",
  provisionDryRun: "ドライラン: レルム {realm} に {count} 件の変更を予定しています。何も書き込んでいません",
  provisionApplied: "レルム {realm} に {count} 件の変更を適用しました",

  headerUnknown:
    "不明な列: {columns}。使える列: {expected}。この列を読み飛ばすには --ignore-columns {suggestion} を指定するか、組合の設定ファイルの register.ignoreColumns に書いてください",
  headerTwice: "列「{column}」が2回あります（{field} として）",
  headerMissing: "必須の列がありません: {columns}",
  headerNameParts: "列「{column}」は氏名全体です。{last}・{first} の列とどちらか一方にしてください",
  headerNotFirstLine: "見出し行は1行目に置いてください（{line}行目にあります）",
  fileEmpty: "ファイルが空です: 見出し行がありません",
  fileCannotOpen: "{file} を開けません: {reason}",
  fileEncodingUnknown:
    "{file} の文字コードが分かりません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存するか --encoding を指定してください",
  fileEncodingOption: "--encoding {name}: utf-8 か shift_jis を指定してください",
  fileLine: "{line}行目: {message}",

  rowGot: "（値:「{value}」）",
  rowEmpty: "{column}が空です",
  rowTooLong: "{column}が100文字を超えています",
  rowControlCharacters: "{column}に改行や制御文字は使えません",
  rowUserId: "{column}は半角英数字と「.」「_」「-」「@」の3〜64文字で、英字か数字で始めてください",
  rowSymbol: "{column}は1〜8桁の数字にしてください",
  rowNumber: "{column}は1〜10桁の数字にしてください",
  rowBranch: "{column}は3桁までの数字にしてください",
  rowEmail: "{column}がメールアドレスの形ではありません",
  rowPersonNumber: "{column}は20文字までの英数字と「-」にしてください",
  rowFullNameSplit: "{column}は姓と名の間に空白を入れてください（例: 山田 太郎）",
  rowExtraFields: "この行は {fields} 項目ありますが、見出しは {width} 項目です",
  rowDuplicateUserId:
    "{column}「{userId}」が複数の行にあります（{lines}行目にも）。ユーザIDは大文字と小文字を区別せずに比べます",
  rowDuplicateCard:
    "同じ保険証（{card}）が複数の行にあります（{lines}行目にも）。一人ひとりに別の保険証が必要です。家族は枝番で区別してください",
  rowDuplicatePerson: "同じ個人番号（{person}）が複数の行にあります（{lines}行目にも）。個人番号は一人を指します",
  birthdateFormat:
    "{column}の書き方が読み取れません。YYYYMMDD、YYYY-MM-DD、YYYY/M/D、YYYY年M月D日、または和暦（昭和55年12月1日、S55.12.1 など）で書いてください",
  birthdateEraYear: "{column}: 和暦の年は1（元年）以上にしてください",
  birthdateImpossible: "{column}: {date} は暦にない日付です",
  birthdateOutsideEra: "{column}: {date} は{era}（{from} 〜 {until}）の期間外です",
  birthdateFuture: "{column}: {date} は未来の日付です",
  birthdateTooOld: "{column}: {date} は1900年より前です",

  reportErrorLine: "  {line}行目、{column}: {message}",
  reportMoreErrors: "  … ほか {count} 件（すべて見るには --report json）",
  reportValidated: "{file}（{encoding}）: {total} 行、正しい行 {valid}、誤りのある行 {invalid}",
  reportInvalid:
    "{total} 行のうち {invalid} 行に誤りがあります。何も書き込んでいません（直すか、--skip-invalid を指定してください）:",
  reportValidOf: "{file}: {total} 行のうち正しい加入者 {valid} 人",
  reportInvalidSkipped: "（誤りのある {invalid} 行は読み飛ばしました）",
  reportPlan:
    "  予定: 新規登録 {create} 人、レルム {realm} に登録済み {skip} 人（そのまま）、更新 {update} 人、競合 {conflict} 人",
  reportDryRun: "  ドライラン: 何も書き込んでいません",
  reportWritten:
    "  登録 {created} 人、スキップ {skipped} 人、更新 {updated} 人（{seconds} 秒、パスワードはこの機械で {algorithm} によりハッシュ化）",
  reportPlanned: "  {what}: {ids}",
  reportRenamed: "  {line}行目: {userId} はレルムでは {currentUserId} です（保険証で照合）",
  reportMoreRenamed: "  … ほか {count} 人が別のユーザIDで保険証により照合されました",
  reportConflicts: "{count} 行がレルム {realm} のアカウントと競合しています。{outcome}:",
  conflictOthersWouldBeWritten: "ほかの行は書き込まれる予定です",
  conflictOthersWritten: "ほかの行は書き込みました",
  conflictWouldWriteNothing:
    "このインポートは何も書き込みません（直すか、ほかの行を取り込むには --skip-invalid を指定してください）",
  conflictWroteNothing: "何も書き込んでいません（直すか、ほかの行を取り込むには --skip-invalid を指定してください）",
  importInterrupted:
    "インポートが中断しました: {reason}。書き込み済みの加入者はそのまま残ります。同じコマンドをもう一度実行すると続きを取り込みます（登録済みの加入者はスキップされます）。",

  reasonNoCard: "使える保険証の情報がありません（記号と番号は数字で入力してください）",
  reasonCardTwiceInFile: "同じ保険証（{card}）が {earlier} 行目にもあります",
  reasonCardHeldByMany:
    "レルムの {count} 件のアカウントがこの保険証（{card}）を持っています: {names}。この行を取り込む前に、1 つだけ残してください",
  reasonUserIdOfOther:
    "ユーザID「{userId}」は別のアカウントのものですが、保険証（{card}）は「{holder}」のものです。行を確かめてください（更新しません）",
  reasonUserIdTaken: "ユーザID「{userId}」はすでに{whose}が使っています",
  holderOnLine: "この入力の {line} 行目の加入者",
  holderOnRegisterLine: "この名簿の {line} 行目の加入者",
  holderOtherCard: "別の保険証（{card}）のアカウント",
  holderNoCard: "保険証の情報がないアカウント",
  reasonAccountChanged: "この保険証（{card}）のアカウントが実行中に変更または削除されました。もう一度実行してください",
  syncReasonCardHeldByMany:
    "レルムの {count} 件のアカウントが保険証（{card}）を持っています: {names}。この行を同期する前に、1 つだけ残してください",
  syncReasonPersonHeldByMany: "レルムの {count} 件のアカウントが個人番号（{person}）を持っています: {names}",
  syncReasonCardOfOtherPerson:
    "保険証（{card}）は「{holder}」のもので、個人番号が示すアカウント（「{person}」）とは別です。加入者を別人の保険証に移すことはしません",
  syncReasonPersonMismatch:
    "保険証（{card}）は「{holder}」のもので、その個人番号（{theirs}）はこの行の個人番号（{ours}）と違います。加入者を別人の保険証に移すことはしません",
  syncReasonOldCard:
    "保険証（{card}）は「{holder}」の以前の保険証で、その個人番号（{person}）はこの名簿の別の行にあります。この行を確かめてください",
  syncReasonMatchedTwice: "「{holder}」はこの名簿の {earlier} 行目ですでに照合されています。両方の行を確かめてください",
  syncReasonJoins: "加入: 保険証（{card}）はレルムにありません",
  syncNoteAdminDisabled: "「{userId}」は名簿の同期ではなく管理者が無効にしたアカウントです。無効のままにします",
  syncReasonReturns: "名簿に戻りました（{date} に資格喪失）: 再び有効にします",
  syncReasonNewCard: "新しい保険証: {from} → {to}",
  syncReasonNewCardByPerson: "新しい保険証: {from} → {to}（個人番号で照合）",
  syncReasonPersonRecorded: "個人番号を記録",
  syncReasonName: "氏名の変更",
  syncReasonEmail: "メールアドレスの変更",
  syncReasonBirthdate: "生年月日の変更",
  syncReasonLeft: "資格喪失: この名簿に保険証（{card}）の行がありません",
  syncReasonLeftPerson: "資格喪失: この名簿に保険証（{card}）の行も個人番号（{person}）の行もありません",

  syncInterrupted:
    "名簿の同期が中断しました: {reason}。書き込み済みの内容はそのまま残ります。同じコマンドをもう一度実行すると続きを反映します（残りはレルムの状態から分かります）。",
  registerChanged:
    "計画と書き込みの間に名簿ファイルが変わりました（{where}）。それまでに書き込んだ内容は残り、ほかは何も書き込んでいません。もう一度実行してください",
  registerChangedLine: "{line}行目",
  registerChangedRows: "計画 {planned} 行、読み込み {read} 行",
  registerChangedWhole: "行の追加・削除・変更があります",
  realmChanged:
    "レルムを読んでいる間にアカウントが追加または削除されました（ほかのインポートや同期が動いていませんか）",

  syncPlan:
    "  予定（レルム {realm}）: 加入 {create} 人、更新 {update} 人（うち再加入 {return} 人）、資格喪失 {leave} 人（無効化し、ログイン中のセッションを終了）、変更なし {keep} 人、競合 {conflict} 人",
  syncLeaving: "  資格喪失: 有効な加入者 {active} 人のうち {leaving} 人（{percent} %。組合の上限は {maxPercent} %）",
  syncWritten: "  登録 {created} 人、更新 {updated} 人、無効化 {disabled} 人（書き込み {writes} 回、{seconds} 秒）",
  syncChange: "  {where}、{action} {userId}: {reasons}",
  syncLine: "{line}行目",
  syncNoRow: "該当行なし",
  syncActionCreate: "加入",
  syncActionUpdate: "更新",
  syncActionLeave: "資格喪失",
  syncNote: "  {line}行目: {note}",
  syncOthersWouldBeSynced: "ほかの行は反映される予定です。競合した行が指しうるアカウントはそのままです",
  syncOthersSynced: "ほかの行は反映しました。競合した行が指しうるアカウントはそのままです",
  syncWouldWriteNothing:
    "この同期は何も書き込みません（直すか、ほかの行を反映するには --skip-invalid を指定してください）",
  syncWroteNothing: "同期は何も書き込んでいません（直すか、ほかの行を反映するには --skip-invalid を指定してください）",
  syncGuard:
    "有効な加入者 {active} 人のうち {leaving} 人（{percent} %）が無効化されます。組合の上限 {maxPercent} %（policies.registerSyncMaxLeavePercent）を超えるため、{outcome}。名簿が欠けていないか確かめてください。本当に資格喪失した場合は --force を指定してください。",
  syncGuardWouldWriteNothing: "この同期は何も書き込みません",
  syncGuardWroteNothing: "同期は何も書き込んでいません",

  resetNoMember: "レルム {realm} にユーザID「{userId}」の加入者はいません",
  resetNoCard:
    "加入者 {userId} には使える保険証の情報がありません（{field}）。先にこの加入者の行をインポートし直してください",
  resetDone:
    "{userId}: パスワードを初期パスワード（記号＋番号＋生年月日）に戻しました。次のログインは生年月日の確認（③）から始まります",
  resetNoDevices: "  登録済みの生体認証・ワンタイムパスワードの端末はありませんでした",
  resetRemovedOtp: "  ワンタイムパスワードの端末を削除しました: {name}",
  resetRemovedPasskey: "  生体認証（パスキー）を削除しました: {name}",
  resetEmailAgain: "  次の初回ログインでメールアドレスをもう一度確認します（⑦）",
  resetKept: "  残した端末: {names}（スマートフォンを紛失・機種変更した場合は --remove-mfa）",
  deskEnabled: "{userId}: 有効",
  deskDisabledByAdmin: "{userId}: 無効（管理者が無効にしました）",
  deskDisabledLeft: "{userId}: 無効（資格喪失: 名簿の同期、{date}）",
  deskCard: "  保険証: {card}",
  deskCardPerson: "  保険証: {card}・{person}",
  deskNoCard: "  保険証: （保険証の情報なし）",
  deskNoCardPerson: "  保険証: （保険証の情報なし）・{person}",
  deskStage: "  段階: {stage}",
  deskStageStored: "  段階: {stage}（保存値: {stored}）",
  deskMethod: "・手順⑤で選んだ方法: {method}",
  deskEmailConfirmed: "・メールアドレス確認済み",
  deskEmailNotConfirmed: "・メールアドレス未確認",
  deskStoredNone: "なし",
  stageInitial: "初回ログイン前（手順③〜⑤が未完了）",
  stageEnrolling: "多要素認証の登録待ち（手順⑤まで完了）",
  stageActive: "利用中",
  methodPasskey: "生体認証",
  methodOtp: "ワンタイムパスワード",
  deviceSecurityKey: "セキュリティキー",
  deskDevices: "  端末: {devices}",
  deskNoDevices: "  端末: 登録なし",
  deskDevice: "{kind}「{name}」",
  deskDeviceRegistered: "{kind}「{name}」（{date} 登録）",
  deskLocked:
    "  ロック: ロック中（誤り {failures} 回{last}）。組合が定めた時間がたつと自動で解除されます（kenpo reset-password でも解除できます）",
  deskLastFailure: "、最後は {time}",
  deskLastFailureFrom: "、最後は {time}、{ip} から",
  deskNotLocked: "  ロック: なし（誤り {failures} 回を記録）",
  deskLastLogins: "  最近のログイン:",
  deskLastLoginsNone: "  最近のログイン: 記録なし",
  deskLastLoginsNotStored: "  最近のログイン: {notStored}",
  deskNotStored:
    "このレルムはログインの記録を保存していません（eventsEnabled がオフ）。組合の設定をプロビジョニングしてください",
  deskEvents: "{userId}: 記録 {count} 件（新しい順）",
  deskEventsSince: "{userId}: {since} 以降の記録 {count} 件（新しい順）",
};
