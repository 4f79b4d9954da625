import { i18nBuilder } from "keycloakify/login";
import { MESSAGE, REALM_TEXT } from "../../../contracts";
import type { ThemeName } from "../kc.gen";

/**
 * Every member-facing text of the theme. Japanese first; English is the second language.
 * The words follow the member manual (ユーザID, 記号, 番号, 生年月日, 多要素認証, 生体認証, ワンタイムパスワード).
 *
 * These messages are also written into messages_<lang>.properties of the theme JAR, so keys the
 * authenticators pass as errors (contracts/ MESSAGE) are translated server-side, and the realm's
 * localization texts (contracts/ REALM_TEXT) override the fallbacks below.
 */
// The translations are inline literals, keys included: `keycloakify build` reads this call
// statically to write messages_ja.properties and messages_en.properties. The checks at the end of
// this file tie the keys to the contracts.
const { useI18n } = i18nBuilder
  .withThemeName<ThemeName>()
  .withCustomTranslations({
    ja: {
      // Society texts: fallbacks only, each society's realm overrides them.
      kenpoSocietyName: "健康保険組合",
      kenpoPortalName: "加入者ポータル",
      kenpoPortalUrl: "",
      kenpoLockoutFailures: "5",
      kenpoLockoutMinutes: "15",
      // The society's brand (realm texts, contracts/ REALM_TEXT): none by default, the stylesheet's own look.
      kenpoBrandColor: "",
      kenpoBrandColorDark: "",
      kenpoBrandLogo: "",

      kenpoLanguage: "表示言語",
      kenpoStepIndicator: "初回ログインの手順 {0}（{1} / {2}）",
      kenpoStepRange: "{0}〜{1}",
      kenpoRequired: "必須",
      kenpoOptional: "任意",
      kenpoDoNext: "次へ",
      kenpoDoSave: "設定する",
      kenpoDoCancel: "キャンセル",
      kenpoDoLogIn: "ログイン",
      kenpoShowPassword: "パスワードを表示",
      kenpoHidePassword: "パスワードを隠す",
      kenpoOr: "または",
      kenpoLogoutOtherSessions: "ほかの端末でのログインを終了する",
      kenpoRememberMe: "ログインしたままにする",
      kenpoTryAnotherWay: "別の方法でログインする",
      kenpoDocumentTitle: "{0}｜{1}",

      // ② login
      kenpoLoginTitle: "ログイン",
      kenpoUserId: "ユーザID",
      kenpoPassword: "パスワード",
      kenpoUserIdLowercaseNote:
        "ユーザIDの英字はすべて小文字として扱います（大文字で入力しても小文字に変換されます）。",
      kenpoFirstLoginHeading: "初めてログインする方へ",
      kenpoFirstTimeNotice: "ユーザIDは、健康保険組合からの「ID・パスワード通知」に記載されています。",
      kenpoInitialPasswordRule: "初回のパスワードは、記号・番号・生年月日（西暦8桁）をつなげた数字です。",
      kenpoInitialPasswordExpiry:
        "初回のパスワードには有効期限があります。期限が過ぎると使えなくなるので、健康保険組合に再発行をお申し込みください。",
      kenpoInitialPasswordExample: "例）記号 12、番号 3456789、生年月日 1980年12月1日の場合",
      kenpoInitialPasswordExampleResult: "パスワードに入力する数字",
      kenpoWhereToFindNumbers: "記号と番号は、健康保険証または「資格情報のお知らせ」でご確認ください。",
      kenpoForgotHeading: "ユーザIDまたはパスワードをお忘れの方",
      kenpoForgotPassword: "パスワードを再設定する",
      // The manual sends members who forgot either from ② onwards. The user ID is never looked up
      // here from the card's numbers: anyone holding the card could learn it (see issue 12's report).
      kenpoForgotUserId:
        "ユーザIDは、健康保険組合からの「ID・パスワード通知」に記載されています。通知が見つからないときは、健康保険組合にお問い合わせください（ご本人と確認できた場合にお知らせします）。パスワードの再設定には、このユーザIDが必要です（メールアドレスでは再設定できません）。",
      kenpoResetTitle: "パスワードの再設定",
      kenpoResetLead:
        "ユーザIDを入力してください。登録されているメールアドレスに、新しいパスワードを設定するためのメールをお送りします。",
      kenpoResetUserIdHint: "メールアドレスではなく、ユーザIDを入力してください。",
      kenpoResetSubmit: "再設定のメールを送る",
      kenpoBackToLogin: "ログイン画面に戻る",
      kenpoLoginFailed: "ユーザIDまたはパスワードが正しくありません。",
      // Keycloak's own keys: a locked account and a wrong password get the same words, so the
      // page never confirms that a user ID exists (or that its password was right).
      invalidUserMessage:
        "ユーザIDまたはパスワードが正しくありません。何度もまちがえると、しばらくログインできなくなります。",
      accountTemporarilyDisabledMessage:
        "ユーザIDまたはパスワードが正しくありません。何度もまちがえると、しばらくログインできなくなります。",
      configureTotpMessage: "ワンタイムパスワードの設定を終えると、加入者ページにログインできます。",
      kenpoPasskeyHeading: "生体認証（パスキー）を設定済みの方",
      kenpoPasskeyButton: "生体認証でログイン",
      kenpoPasskeyLead: "ユーザIDとパスワードを入力せずに、顔認証・指紋認証でログインできます。",
      kenpoPasskeyPcHeading: "パソコンでスマートフォンの生体認証を使うとき",
      kenpoPasskeyPcStep1:
        "「生体認証でログイン」を押し、「iPhone、iPad、または Android デバイス」を選んで「次へ」を押します。",
      kenpoPasskeyPcStep2: "パソコンに表示された QR コードを、スマートフォンのカメラで読み取ります。",
      kenpoPasskeyPcStep3: "スマートフォンで顔認証・指紋認証を行い、「続ける」を押します。",
      kenpoPasskeyBluetoothNote:
        "パソコンとスマートフォンの両方でインターネットに接続し、Bluetooth をオンにしておく必要があります。",
      kenpoPasskeyBluetoothOffHeading: "「Bluetooth がオフです」と表示されたとき",
      kenpoPasskeyBluetoothOffBody:
        "パソコンとスマートフォンの Bluetooth をオンにしてから、もう一度「生体認証でログイン」を押してください。オンにする方法は、お使いの機器の説明書をご覧ください。",
      kenpoPasskeyUnsupported:
        "このブラウザーは生体認証（パスキー）に対応していません。最新のブラウザーでお試しください。",

      // ③ birthdate
      kenpoBirthdateTitle: "生年月日の入力",
      kenpoBirthdateLead: "ご本人の確認のため、ご自身の生年月日を入力してください。",
      kenpoBirthdateLabel: "生年月日（西暦8桁）",
      kenpoBirthdateHint: "例）1980年12月1日生まれの場合は 19801201",
      kenpoBirthdateAttemptsLeft: "あと {0} 回まちがえると、{1}分間ログインできなくなります。",
      kenpoLockoutRule:
        "パスワード・生年月日・コードのまちがいが合わせて{0}回になると、{1}分間ログインできなくなります。{1}分たてば、正しい内容でまたログインできます。",
      kenpoBirthdateFormat: "生年月日は西暦の8桁の数字で入力してください（例：19801201）。",
      kenpoBirthdateWrong: "入力された内容では確認できませんでした。しばらくしてから、もう一度お試しください。",

      // ④ terms
      kenpoTermsTitle: "利用規約の確認",
      kenpoTermsLead: "{0}の利用規約をお読みください。同意いただくと次に進みます。",
      kenpoTermsRevisedLead:
        "{0}の利用規約が改定されました。改定後の利用規約をお読みください。同意いただくとログインできます。",
      kenpoTermsFallback: "利用規約は、健康保険組合からのお知らせをご確認ください。",
      kenpoTermsAccept: "同意して次へ",
      kenpoTermsDecline: "同意しない",
      kenpoTermsRequired: "先に進むには、利用規約への同意が必要です。",
      termsText: "",

      // ⑤ method choice
      kenpoMethodTitle: "認証方法の選択",
      kenpoMethodLead: "ログインのときに、パスワードに加えて使う確認の方法（多要素認証）を選んでください。",
      kenpoMethodLegend: "認証方法",
      kenpoMethodPasskey: "生体認証（パスキー）",
      kenpoMethodPasskeyDesc: "スマートフォンの顔認証・指紋認証でログインします。",
      kenpoMethodPasskeyNeeds: "必要なもの：顔認証・指紋認証に対応したスマートフォン",
      kenpoMethodOtp: "ワンタイムパスワード（OTP）",
      kenpoMethodOtpDesc: "パスワードと、認証アプリに表示される6桁の数字でログインします。",
      kenpoMethodOtpNeeds: "必要なもの：次のいずれかの認証アプリを入れたスマートフォン",
      kenpoAppGoogle: "Google Authenticator（Google 認証システム）",
      kenpoAppMicrosoft: "Microsoft Authenticator（Microsoft 認証システム）",
      kenpoAppFreeOtp: "FreeOTP（Red Hat 認証システム）",
      kenpoUserIdChangeHeading: "ユーザIDの変更（任意）",
      kenpoUserIdChangeOptional:
        "ユーザIDの変更は必須ではありません。今のユーザIDのままでよい場合は、空欄のまま「次へ」を押してください。",
      kenpoCurrentUserId: "現在のユーザID：{0}",
      kenpoNewUserId: "新しいユーザID",
      kenpoNewUserIdHint: "半角の英字・数字で入力してください。英字は小文字になります。",
      kenpoMethodRequired: "認証方法を選んでください。",
      kenpoUserIdInvalid: "このユーザIDは使えません。半角の英字・数字で入力してください。",
      kenpoUserIdTaken: "このユーザIDは使えません。別のユーザIDを入力してください。",
      // ⑤ again, asked for on the registration page before a factor exists: the method only.
      kenpoOtherMethodChoiceLead:
        "多要素認証の登録がまだ終わっていないので、認証方法を選び直せます。同じ方法でもう一度試すときは、そのまま「次へ」を押してください。",

      // ⑥ new password
      kenpoPasswordTitle: "新しいパスワードの設定",
      kenpoPasswordLead:
        "これからのログインに使うパスワードを決めてください。初回のパスワード（記号＋番号＋生年月日）は使えません。",
      kenpoPasswordChangeLead: "これからのログインに使う、新しいパスワードを決めてください。",
      kenpoPasswordRulesHeading: "パスワードの条件",
      // The rules come from the realm's policy (kcContext.passwordPolicies); {0} is the policy's number.
      kenpoPasswordRuleLength: "{0}文字以上",
      kenpoPasswordRuleMaxLength: "{0}文字以内",
      kenpoPasswordRuleLowerCase: "英小文字（a〜z）を{0}文字以上含む",
      kenpoPasswordRuleUpperCase: "英大文字（A〜Z）を{0}文字以上含む",
      kenpoPasswordRuleDigits: "数字（0〜9）を{0}文字以上含む",
      kenpoPasswordRuleSpecialChars: "英数字以外の文字（! # % など）を{0}文字以上含む",
      kenpoPasswordRuleNotUserId: "ユーザIDと同じではない",
      kenpoPasswordRuleNotEmail: "メールアドレスと同じではない",
      kenpoPasswordRuleHistory: "最近使った{0}個のパスワードは使えません",
      kenpoPasswordRuleMet: "（条件を満たしています）",
      kenpoPasswordRuleNotMet: "（まだ満たしていません）",
      kenpoPasswordNew: "新しいパスワード",
      kenpoPasswordConfirm: "新しいパスワード（確認のためもう一度）",
      kenpoPasswordMismatch: "確認のパスワードが一致していません。",
      kenpoPasswordMatch: "確認のパスワードが一致しました。",
      // Keycloak's own keys for what ⑥ refuses (UpdatePassword and the password policies), so the
      // member reads our words, matching the rules above, instead of Keycloak's stock sentences.
      missingPasswordMessage: "新しいパスワードを入力してください。",
      notMatchPasswordMessage: "確認のパスワードが一致していません。もう一度入力してください。",
      invalidPasswordMinLengthMessage: "パスワードは{0}文字以上にしてください。",
      invalidPasswordMaxLengthMessage: "パスワードは{0}文字以内にしてください。",
      invalidPasswordMinLowerCaseCharsMessage: "パスワードには英小文字（a〜z）を{0}文字以上含めてください。",
      invalidPasswordMinUpperCaseCharsMessage: "パスワードには英大文字（A〜Z）を{0}文字以上含めてください。",
      invalidPasswordMinDigitsMessage: "パスワードには数字（0〜9）を{0}文字以上含めてください。",
      invalidPasswordMinSpecialCharsMessage:
        "パスワードには英数字以外の文字（! # % など）を{0}文字以上含めてください。",
      invalidPasswordNotUsernameMessage: "ユーザIDと同じパスワードは使えません。",
      invalidPasswordNotContainsUsernameMessage: "ユーザIDを含むパスワードは使えません。",
      invalidPasswordNotEmailMessage: "メールアドレスと同じパスワードは使えません。",
      invalidPasswordHistoryMessage: "最近使った{0}個のパスワードは使えません。別のパスワードを入力してください。",
      invalidPasswordRegexPatternMessage: "このパスワードは、健康保険組合が定めた条件に合わないため使えません。",
      invalidPasswordBlacklistedMessage: "推測されやすいパスワードのため使えません。別のパスワードを入力してください。",
      invalidPasswordGenericMessage:
        "このパスワードは条件に合わないため使えません。「パスワードの条件」をご確認ください。",

      // Keycloak's own keys for everything else a member can meet: login, OTP, passkeys, ⑦'s link, the
      // reset, old or expired pages. Keycloak's stock sentences speak of authenticators, accounts and
      // administrators, and some exist only in English. keycloakMessages.ts lists each key with where
      // it appears; its test fails when one here is missing or left in Keycloak's words.
      accountDisabledMessage: "このユーザIDは現在ご利用いただけません。健康保険組合にお問い合わせください。",
      reauthenticate: "続けるには、もう一度ログインしてください。",
      authenticateStrong: "この手続きには、多要素認証によるログインが必要です。もう一度ログインしてください。",
      "webauthn-error-api-get": "生体認証でのログインを完了できませんでした。もう一度お試しください。",
      "webauthn-error-user-not-found":
        "この生体認証（パスキー）は登録されていないため、ログインに使えません。ユーザIDとパスワードでログインしてください。",
      "webauthn-error-different-user":
        "選ばれた生体認証（パスキー）は、ログイン中のユーザIDのものではありません。ご自身のパスキーを選んで、もう一度お試しください。",
      "webauthn-error-auth-verification": "生体認証を確認できませんでした。もう一度お試しください。",
      invalidTotpMessage:
        "ワンタイムパスワードが正しくありません。認証アプリに表示されている最新の6桁の数字を入力してください。",
      missingTotpMessage: "ワンタイムパスワード（認証アプリに表示される6桁の数字）を入力してください。",
      // Only someone with the right password gets here, so naming the lock (why even the correct code
      // fails) gives nothing away.
      accountTemporarilyDisabledMessageTotp:
        "まちがった入力が続いたため、しばらくの間ログインできません。時間をおいてから、もう一度お試しください。",
      missingTotpDeviceNameMessage: "デバイスの名前を入力してください。",
      // Keycloak uses its exception text as the key; the escapes keep its spaces in the .properties key.
      "Device\\ already\\ exists\\ with\\ the\\ same\\ name":
        "この名前のデバイスは、すでに登録されています。別の名前を入力してください（例：iPhone 2）。",
      "webauthn-error-register-verification": "生体認証の登録を完了できませんでした。",
      "webauthn-error-registration":
        "生体認証を登録できませんでした。同じ名前のデバイスがすでに登録されているときは、デバイスの名前を変えてもう一度お試しください。",
      updatePasswordMessage:
        "新しいパスワードを設定してください。設定が終わると、これまでのパスワードは使えなくなります。",
      resetPasswordMessage:
        "新しいパスワードを設定してください。設定が終わったら、新しいパスワードでもう一度ログインしていただきます。",
      updateProfileMessage: "メールアドレスを登録すると、次の手順に進みます。",
      missingEmailMessage: "メールアドレスを入力してください。",
      "error-user-attribute-required": "この項目を入力してください。",
      invalidEmailMessage: "メールアドレスの形式が正しくありません。入力した内容をご確認ください。",
      "error-invalid-email": "メールアドレスの形式が正しくありません。入力した内容をご確認ください。",
      confirmEmailAddressVerificationHeader: "メールアドレスの確認",
      confirmEmailAddressVerification: "メールアドレス {0} を確認します。「次へ進む」を押してください。",
      emailVerifiedMessageHeader: "メールアドレスの確認が終わりました",
      emailVerifiedMessage:
        "メールアドレスの確認が終わりました。ログインを始めた画面に戻って、手続きを続けてください。",
      emailVerifiedAlreadyMessageHeader: "確認済みのメールアドレスです",
      emailVerifiedAlreadyMessage: "このメールアドレスは、すでに確認が終わっています。",
      staleEmailVerificationLink:
        "このリンクは古いため使えません。メールアドレスの確認がすでに終わっている場合は、そのままログインを続けてください。",
      emailSendErrorMessage:
        "メールを送れませんでした。しばらくしてから、もう一度お試しください。続くときは健康保険組合にお問い合わせください。",
      missingUsernameMessage: "ユーザIDを入力してください。",
      credentialSetupRequired:
        "多要素認証（生体認証またはワンタイムパスワード）が登録されていないため、ここから先に進めません。お手数ですが、健康保険組合にお問い合わせください。",
      // Keycloak shows these after the reset (its force-login option), and after any emailed set of actions.
      accountUpdatedTitle: "手続きが完了しました",
      accountUpdatedMessage:
        "手続きが完了しました。新しいパスワードを設定した場合は、そのパスワードで加入者ページからログインしてください。",
      expiredCodeMessage:
        "ログインの途中で一定の時間が経ったため、手続きを中断しました。もう一度ログインしてください。",
      expiredActionTokenNoSessionMessage:
        "メールのリンクの有効期限が切れています。お手数ですが、はじめからやり直してください。",
      expiredActionTokenSessionExistsMessage:
        "メールのリンクの有効期限が切れています。お手数ですが、もう一度はじめからやり直してください。",
      invalidCodeMessage:
        "この画面は使えなくなりました（ブラウザーの「戻る」で前の画面に戻ったときなどに表示されます）。加入者ページからもう一度ログインしてください。",
      cookieNotFoundMessage:
        "ログインの途中の情報が見つからないため、続けられませんでした。時間が経ったか、ブラウザーで Cookie（クッキー）が使えない設定になっている可能性があります。Cookie を使える設定にして、加入者ページからもう一度ログインしてください。",
      alreadyLoggedIn: "すでにログインしています。加入者ページに戻ってご利用ください。",
      differentUserAuthenticated:
        "このブラウザーでは、別のユーザID（{0}）でログインしています。いったんログアウトしてから、もう一度お試しください。",
      unexpectedErrorHandlingRequestMessage:
        "問題が発生したため、手続きを続けられませんでした。お手数ですが、加入者ページからもう一度ログインしてください。",
      sessionNotActiveMessage: "ログインの有効期限が切れているか、すでにログアウトしています。",
      successLogout: "ログアウトしました。共用のパソコンをお使いの場合は、ブラウザーも閉じてください。",

      // ⑦ email
      kenpoProfileTitle: "メールアドレスの登録",
      kenpoProfileLead: "お知らせやパスワードの再設定に使うメールアドレスを入力してください。",
      // The email check (kenpo-email-code): a code by mail, before the new password.
      kenpoEmailCodeTitle: "メールアドレスの確認",
      kenpoEmailCodeLead:
        "{0} あてに、6桁の確認コードをメールでお送りしました。メールを開き、確認コードを入力してください。",
      kenpoEmailCodeLabel: "確認コード（6桁の数字）",
      kenpoEmailCodeHint:
        "確認コードの有効期限は{0}分です。スマートフォンで読んだメールのコードを、パソコンで入力してもかまいません。",
      kenpoEmailCodeResend: "確認コードをもう一度送る",
      kenpoEmailCodeResent: "新しい確認コードをお送りしました。前のコードは使えません。",
      kenpoEmailCodeWrongAddress:
        "このメールアドレスに心当たりがないとき、今は使えないときは、ここから先に進まず、健康保険組合にお問い合わせください。{0}",
      kenpoEmailCodeWrong:
        "確認コードが正しくありません。メールに書かれた6桁の数字をご確認ください。まちがいが続くと、しばらくの間ログインできなくなります。",
      kenpoEmailCodeFormat: "確認コードは6桁の数字です。メールに書かれたとおりに入力してください。",
      kenpoEmailCodeExpired:
        "この確認コードは有効期限が切れたか、使えなくなりました。「確認コードをもう一度送る」を押して、新しいコードを受け取ってください。",
      kenpoEmailCodeSendLimit:
        "確認コードを送れる回数を超えました。届いているメールのコードを入力するか、時間をおいて加入者ページからやり直してください。",
      kenpoEmailCodeSendFailed:
        "確認コードのメールを送れませんでした。時間をおいて「確認コードをもう一度送る」を押してください。続くときは健康保険組合にお問い合わせください。",
      kenpoEmailEntryTitle: "メールアドレスの登録",
      kenpoEmailEntryLead:
        "健康保険組合にメールアドレスが登録されていません。お知らせやパスワードの再設定に使うメールアドレスを入力してください。確認コードをお送りします。",
      kenpoEmailEntryLabel: "メールアドレス",
      kenpoEmailEntryHint: "ご本人が受け取れるアドレスを入力してください。",
      kenpoEmailEntrySubmit: "確認コードを送る",
      kenpoEmailEntryChange: "別のメールアドレスを入力する",
      kenpoEmailInvalid: "メールアドレスの形が正しくありません（例: taro@example.jp）。",
      kenpoVerifyEmailTitle: "メールアドレスの確認",
      kenpoVerifyEmailLead: "{0} あてに確認のメールを送りました。メールに書かれたリンクを開くと、次の手順に進みます。",
      kenpoVerifyEmailLeadNoAddress:
        "登録されたメールアドレスあてに確認のメールを送りました。メールに書かれたリンクを開くと、次の手順に進みます。",
      kenpoVerifyEmailSpam: "メールが見つからないときは、迷惑メールのフォルダもご確認ください。",
      kenpoVerifyEmailResend: "確認のメールをもう一度送る",
      // Keycloak's own keys on this page: the standing notice (our lead says it), and a resend too soon.
      verifyEmailMessage: "メールアドレスの確認が必要です。",
      emailVerifySendCooldown: "確認のメールは送ったばかりです。{0} 秒たってから、もう一度お試しください。",

      // ⑧ first login complete (opening panel of the MFA set-up pages)
      kenpoFirstLoginDoneTitle: "初回ログインが完了しました",
      kenpoFirstLoginDoneLead: "続けて、多要素認証（{0}）の設定を行います。設定が終わるまで{1}はご利用になれません。",
      kenpoSetupHere: "このデバイスで設定する",
      kenpoSetupHerePasskeyHint: "いまお使いのスマートフォンの顔認証・指紋認証を登録します。",
      kenpoSetupHerePasskeyHintPc:
        "このパソコンの顔認証・指紋認証（Windows Hello など）か、パソコンに表示される QR コードを読み取ったスマートフォンの生体認証を登録します。",
      kenpoNewUserIdMemo:
        "ユーザIDを変更しました。次回からは、新しいユーザID「{0}」でログインします。忘れないようにメモしてください。",
      kenpoSetupHereOtpHint: "この画面に QR コードを表示し、スマートフォンの認証アプリで読み取ります。",
      kenpoContinueOnPhone: "スマートフォンで続ける",
      kenpoContinueOnPhoneHint: "パソコンでログインしている場合はこちら。",
      kenpoContinueOnPhoneOtpHint:
        "このデバイスではなく、スマートフォンから設定したい場合はこちら（QR コードの代わりにキーを入力して設定します）。",
      kenpoContinueOnPhoneLead:
        "スマートフォンのカメラでこの QR コードを読み取り、開いたページから{0}にもう一度ログインしてください。",
      kenpoPortalQrAlt: "{0}のログインページを開く QR コード",
      kenpoResumeNote: "途中でこの画面を閉じても、次にログインしたときに多要素認証の設定から再開します。",

      // ⑩–⑫ passkey registration
      kenpoPasskeyRegisterTitle: "生体認証の設定",
      kenpoPasskeyRegisterLead: "このスマートフォンの顔認証・指紋認証を、ログインに使えるように登録します。",
      kenpoPasskeyRegisterLeadPc:
        "顔認証・指紋認証を、ログインに使えるように登録します。このパソコンで使えないときは、表示される QR コードをスマートフォンのカメラで読み取り、スマートフォンで登録します。",
      kenpoPasskeyRegisterStep1: "デバイスの名前を確認します。",
      kenpoPasskeyRegisterStep2: "「生体認証を登録する」を押します。",
      kenpoPasskeyRegisterStep3: "表示された画面で「続ける」を押し、顔認証・指紋認証を行います。",
      kenpoPasskeyRegisterButton: "生体認証を登録する",
      kenpoDeviceName: "デバイスの名前",
      kenpoDeviceNameHint: "機種変更のときに、この名前でどのデバイスかを見分けられます。",
      kenpoDeviceNameRequired: "デバイスの名前を入力してください。",
      kenpoDeviceIphone: "iPhone",
      kenpoDeviceIpad: "iPad",
      kenpoDeviceAndroid: "Android",
      kenpoDevicePc: "PC",
      kenpoDeviceSmartphone: "スマートフォン",

      // passkey login and error
      kenpoPasskeyLoginTitle: "生体認証でログイン",
      kenpoPasskeyLoginLead: "「生体認証でログイン」を押し、顔認証・指紋認証を行ってください。",
      kenpoPasskeyDevices: "登録済みのデバイス",
      kenpoPasskeyCreatedAt: "登録日：{0}",
      kenpoPasskeyErrorTitle: "生体認証を完了できませんでした",
      kenpoPasskeyErrorLead: "顔認証・指紋認証が取り消されたか、時間内に終わりませんでした。",
      kenpoPasskeyErrorHint: "「再試行」を押すと、もう一度生体認証が始まります。",
      kenpoDoRetry: "再試行",
      // On the registration pages of the first login, until a factor exists.
      kenpoOtherMethodHeading: "この方法で設定できないとき",
      kenpoOtherMethodLead:
        "お使いのスマートフォンが生体認証に対応していない、認証アプリを入れられないなどのときは、認証方法を選び直せます。ユーザIDと新しいパスワードでもう一度ログインすると、認証方法の選択（手順⑤）に戻ります。",
      kenpoOtherMethodButton: "別の方法を選ぶ",

      // ⑭ OTP set-up and login
      kenpoOtpSetupTitle: "ワンタイムパスワードの設定",
      kenpoOtpStep1: "スマートフォンに、次のいずれかの認証アプリをインストールします。",
      kenpoOtpStep2: "アプリで「コードを追加」→「QR コードをスキャン」を選び、この QR コードを読み取ります。",
      kenpoOtpStep2Manual: "アプリで「セットアップキーを入力」を選び、次のキーを入力します。",
      kenpoOtpScanTip: "うまく読み取れないときは、スマートフォンのカメラを画面の正面にまっすぐ向けてください。",
      kenpoOtpQrAlt: "ワンタイムパスワード設定用の QR コード",
      kenpoOtpManualLink: "QR コードを読み取れないとき（キーを入力する）",
      // ⑭ on the smartphone itself: the QR code would be on the phone's own screen.
      kenpoOtpPhoneStep:
        "このスマートフォンで設定します。認証アプリを入れてから、下のボタンを押してください。アプリが開き、加入者ページの登録が追加されます。",
      kenpoOtpOpenApp: "認証アプリで設定を開く",
      kenpoOtpOpenAppHint:
        "アプリが開かないときは、下のキーをコピーし、アプリの「コードを追加」→「セットアップキーを入力」に貼り付けてください（時間ベース）。",
      kenpoOtpCopyKey: "キーをコピーする",
      kenpoOtpKeyCopied: "キーをコピーしました。認証アプリに貼り付けてください。",
      kenpoOtpContinueOnPc:
        "パソコンで設定したいときは、ここで画面を閉じ、パソコンで加入者ページを開いてログインしてください。この続きから始まり、パソコンの画面の QR コードをスマートフォンで読み取れます。",
      kenpoOtpQrLink: "QR コードを表示する",
      kenpoOtpKey: "キー",
      kenpoOtpKeyDetails: "種類：時間ベース／桁数：{0}／間隔：{1} 秒／アルゴリズム：{2}",
      kenpoOtpStep3: "アプリに表示された6桁の数字と、デバイスの名前を入力して「設定する」を押します。",
      kenpoOtpCode: "ワンタイムパスワード（6桁）",
      kenpoOtpCodeHint: "認証アプリに表示されている6桁の数字です。",
      kenpoOtpLoginTitle: "ワンタイムパスワードの入力",
      kenpoOtpLoginLead: "スマートフォンの認証アプリに表示されている6桁の数字を入力してください。",
      kenpoOtpChooseDevice: "使うデバイス",

      // errors, timeout, info, logout
      kenpoErrorTitle: "エラーが発生しました",
      // Back to a step already done (login-page-expired.ftl): the login itself goes on.
      kenpoPageExpiredTitle: "この画面は使えなくなりました",
      kenpoPageExpiredWhat:
        "ブラウザの「戻る」などで、すでに終えた手順の画面を開きました。ログインの手続きは続いています。「続きから進む」を押すと、いまの手順の画面に戻ります。",
      kenpoPageExpiredContinue: "続きから進む",
      kenpoTimeoutTitle: "時間切れのため中断しました",
      kenpoTimeoutWhat: "ログインの途中で一定の時間が経ったため、安全のため手続きを中断しました。",
      kenpoTimeoutNext: "下のボタンから{0}を開き、「Login with OpenID Connect」からもう一度ログインしてください。",
      kenpoStartAgain: "{0}からやり直す",
      kenpoInfoTitle: "お知らせ",
      kenpoProceed: "次へ進む",
      kenpoBackToPortal: "{0}に戻る",
      kenpoLogoutTitle: "ログアウト",
      kenpoLogoutLead: "ログアウトしますか？",
      kenpoDoLogout: "ログアウトする",
      loginTimeout: "ログインの途中で一定の時間が経ったため、手続きを中断しました。",
      expiredActionMessage: "一定の時間が経ったため、手続きを中断しました。もう一度ログインしてください。",
      // After the reset form; neutral, because Keycloak says the same whether the user ID exists or not.
      emailSentMessage:
        "ユーザIDが登録されていれば、登録されているメールアドレスに再設定のメールをお送りしました。届かないときは健康保険組合にお問い合わせください。",
      // The reset link was opened by a member who has not finished the first login, or is locked.
      kenpoResetFirstLogin:
        "初回ログインがまだ終わっていないため、ここではパスワードを再設定できません。保険証の記号＋番号＋生年月日（西暦8桁）の初期パスワードで、加入者ページからログインしてください。初回ログインの途中で決めたパスワードを忘れたときは、健康保険組合にお問い合わせください。",
      kenpoNoEmailOnFile:
        "健康保険組合にメールアドレスが登録されていないため、ここから先に進めません。お手数ですが、健康保険組合にお問い合わせください。{0}",
      kenpoResetLocked:
        "まちがった入力が続いたため、しばらくの間ログインとパスワードの再設定ができません。時間をおいてから、もう一度お試しください。",
    },
    en: {
      kenpoSocietyName: "Health Insurance Society",
      kenpoPortalName: "Member portal",
      kenpoPortalUrl: "",
      kenpoLockoutFailures: "5",
      kenpoLockoutMinutes: "15",
      // The society's brand (realm texts, contracts/ REALM_TEXT): none by default, the stylesheet's own look.
      kenpoBrandColor: "",
      kenpoBrandColorDark: "",
      kenpoBrandLogo: "",

      kenpoLanguage: "Language",
      kenpoStepIndicator: "First login — manual step {0} ({1} of {2})",
      kenpoStepRange: "{0}–{1}",
      kenpoRequired: "required",
      kenpoOptional: "optional",
      kenpoDoNext: "Next",
      kenpoDoSave: "Save",
      kenpoDoCancel: "Cancel",
      kenpoDoLogIn: "Log in",
      kenpoShowPassword: "Show password",
      kenpoHidePassword: "Hide password",
      kenpoOr: "or",
      kenpoLogoutOtherSessions: "Sign out of other devices",
      kenpoRememberMe: "Keep me logged in",
      kenpoTryAnotherWay: "Try another way",
      kenpoDocumentTitle: "{0} | {1}",

      kenpoLoginTitle: "Log in",
      kenpoUserId: "User ID",
      kenpoPassword: "Password",
      kenpoUserIdLowercaseNote: "Letters in user IDs are treated as lower case (capitals are accepted and converted).",
      kenpoFirstLoginHeading: "Logging in for the first time",
      kenpoFirstTimeNotice: "Your user ID is on the ID and password notice from your health insurance society.",
      kenpoInitialPasswordRule:
        "Your first password is your symbol (記号), number (番号) and date of birth (YYYYMMDD) written together.",
      kenpoInitialPasswordExpiry:
        "The first password expires after a while. Once it has, ask your health insurance society to issue it again.",
      kenpoInitialPasswordExample: "Example: symbol 12, number 3456789, born 1 December 1980",
      kenpoInitialPasswordExampleResult: "Type as password",
      kenpoWhereToFindNumbers:
        "The symbol and number are printed on your health insurance card or on your qualification notice (資格情報のお知らせ).",
      kenpoForgotHeading: "Forgot your user ID or password?",
      kenpoForgotPassword: "Reset your password",
      kenpoForgotUserId:
        "Your user ID is printed on the “ID and password notice” from your health insurance society. If you cannot find the notice, please contact the society (they tell you once they have confirmed it is you). Resetting the password needs this user ID (an email address cannot be used).",
      kenpoResetTitle: "Reset your password",
      kenpoResetLead:
        "Enter your user ID. We will send an email with a link to set a new password to the email address on file.",
      kenpoResetUserIdHint: "Enter your user ID, not your email address.",
      kenpoResetSubmit: "Send the reset email",
      kenpoBackToLogin: "Back to the login page",
      kenpoLoginFailed: "The user ID or password is not correct.",
      invalidUserMessage:
        "Incorrect user ID or password. After several wrong attempts, you will not be able to log in for a while.",
      accountTemporarilyDisabledMessage:
        "Incorrect user ID or password. After several wrong attempts, you will not be able to log in for a while.",
      configureTotpMessage: "Finish setting up the one-time password to log in to the member portal.",
      kenpoPasskeyHeading: "If you have set up biometric sign-in (passkey)",
      kenpoPasskeyButton: "Log in with biometrics",
      kenpoPasskeyLead: "Log in with face or fingerprint recognition, without typing your user ID and password.",
      kenpoPasskeyPcHeading: "Using your phone's biometrics on a computer",
      kenpoPasskeyPcStep1: "Press “Log in with biometrics”, choose “iPhone, iPad, or Android device” and press “Next”.",
      kenpoPasskeyPcStep2: "Scan the QR code shown on the computer with your phone's camera.",
      kenpoPasskeyPcStep3: "Confirm with face or fingerprint recognition on the phone and press “Continue”.",
      kenpoPasskeyBluetoothNote: "Both the computer and the phone must be online and have Bluetooth turned on.",
      kenpoPasskeyBluetoothOffHeading: "If you see “Bluetooth is off”",
      kenpoPasskeyBluetoothOffBody:
        "Turn on Bluetooth on both the computer and the phone, then press “Log in with biometrics” again. Your device's manual explains how.",
      kenpoPasskeyUnsupported:
        "This browser does not support biometric sign-in (passkeys). Please try an up-to-date browser.",

      kenpoBirthdateTitle: "Your date of birth",
      kenpoBirthdateLead: "To confirm it is you, enter your date of birth.",
      kenpoBirthdateLabel: "Date of birth (8 digits, YYYYMMDD)",
      kenpoBirthdateHint: "Example: born 1 December 1980 → 19801201",
      kenpoBirthdateAttemptsLeft: "After {0} more wrong answers you will not be able to log in for {1} minutes.",
      kenpoLockoutRule:
        "After {0} wrong passwords, dates of birth or codes, you cannot log in for {1} minutes. After that, the right details work again.",
      kenpoBirthdateFormat: "Enter your date of birth as 8 digits (example: 19801201).",
      kenpoBirthdateWrong: "We could not confirm the details you entered. Please wait a moment and try again.",

      kenpoTermsTitle: "Terms of use",
      kenpoTermsLead: "Please read the terms of use of the {0}. Accept them to continue.",
      kenpoTermsRevisedLead:
        "The terms of use of the {0} have been revised. Please read the new terms; accept them to log in.",
      kenpoTermsFallback: "Please see the terms of use sent by your health insurance society.",
      kenpoTermsAccept: "Accept and continue",
      kenpoTermsDecline: "Decline",
      kenpoTermsRequired: "You need to accept the terms of use to continue.",
      termsText: "",

      kenpoMethodTitle: "Choose how to confirm it is you",
      kenpoMethodLead:
        "Choose the second check (multi-factor authentication) you will use with your password when you log in.",
      kenpoMethodLegend: "Authentication method",
      kenpoMethodPasskey: "Biometrics (passkey)",
      kenpoMethodPasskeyDesc: "Log in with your smartphone's face or fingerprint recognition.",
      kenpoMethodPasskeyNeeds: "You need: a smartphone with face or fingerprint unlock",
      kenpoMethodOtp: "One-time password (OTP)",
      kenpoMethodOtpDesc: "Log in with your password and the 6-digit code shown in an authenticator app.",
      kenpoMethodOtpNeeds: "You need: a smartphone with one of these authenticator apps",
      kenpoAppGoogle: "Google Authenticator",
      kenpoAppMicrosoft: "Microsoft Authenticator",
      kenpoAppFreeOtp: "FreeOTP (Red Hat)",
      kenpoUserIdChangeHeading: "Change your user ID (optional)",
      kenpoUserIdChangeOptional:
        "Changing your user ID is not required. To keep your current user ID, leave this empty and press “Next”.",
      kenpoCurrentUserId: "Current user ID: {0}",
      kenpoNewUserId: "New user ID",
      kenpoNewUserIdHint: "Use letters and digits. Letters become lower case.",
      kenpoMethodRequired: "Choose an authentication method.",
      kenpoUserIdInvalid: "This user ID cannot be used. Use letters and digits.",
      kenpoUserIdTaken: "This user ID cannot be used. Please enter another one.",
      kenpoOtherMethodChoiceLead:
        "Your multi-factor authentication is not registered yet, so you can choose the method again. To try the same method again, just press “Next”.",

      kenpoPasswordTitle: "Set a new password",
      kenpoPasswordLead:
        "Choose the password you will use from now on. Your first password (symbol + number + date of birth) cannot be used.",
      kenpoPasswordChangeLead: "Choose the new password you will use from now on.",
      kenpoPasswordRulesHeading: "Password rules",
      kenpoPasswordRuleLength: "At least {0} characters",
      kenpoPasswordRuleMaxLength: "At most {0} characters",
      kenpoPasswordRuleLowerCase: "Lowercase letters (a–z): at least {0}",
      kenpoPasswordRuleUpperCase: "Uppercase letters (A–Z): at least {0}",
      kenpoPasswordRuleDigits: "Digits (0–9): at least {0}",
      kenpoPasswordRuleSpecialChars: "Characters other than letters and digits (such as ! # %): at least {0}",
      kenpoPasswordRuleNotUserId: "Not the same as your user ID",
      kenpoPasswordRuleNotEmail: "Not the same as your email address",
      kenpoPasswordRuleHistory: "Not one of your last {0} passwords",
      kenpoPasswordRuleMet: "(met)",
      kenpoPasswordRuleNotMet: "(not met yet)",
      kenpoPasswordNew: "New password",
      kenpoPasswordConfirm: "New password (again, to confirm)",
      kenpoPasswordMismatch: "The passwords do not match.",
      kenpoPasswordMatch: "The passwords match.",
      missingPasswordMessage: "Please enter a new password.",
      notMatchPasswordMessage: "The passwords do not match. Please type them again.",
      invalidPasswordMinLengthMessage: "The password must have at least {0} characters.",
      invalidPasswordMaxLengthMessage: "The password must have at most {0} characters.",
      invalidPasswordMinLowerCaseCharsMessage: "The password needs more lowercase letters (a–z): at least {0}.",
      invalidPasswordMinUpperCaseCharsMessage: "The password needs more uppercase letters (A–Z): at least {0}.",
      invalidPasswordMinDigitsMessage: "The password needs more digits (0–9): at least {0}.",
      invalidPasswordMinSpecialCharsMessage:
        "The password needs more characters other than letters and digits (such as ! # %): at least {0}.",
      invalidPasswordNotUsernameMessage: "The password cannot be the same as your user ID.",
      invalidPasswordNotContainsUsernameMessage: "The password cannot contain your user ID.",
      invalidPasswordNotEmailMessage: "The password cannot be the same as your email address.",
      invalidPasswordHistoryMessage: "None of your last {0} passwords can be used. Please choose another one.",
      invalidPasswordRegexPatternMessage: "This password does not meet the rules of your health insurance society.",
      invalidPasswordBlacklistedMessage: "This password is too easy to guess. Please choose another one.",
      invalidPasswordGenericMessage: "This password does not meet the password rules. Please check the rules above.",

      // Keycloak's own keys for everything else a member can meet (see the ja block and keycloakMessages.ts).
      accountDisabledMessage:
        "This user ID cannot be used at the moment. Please contact your health insurance society.",
      reauthenticate: "Please log in again to continue.",
      authenticateStrong: "This needs a login with multi-factor authentication. Please log in again.",
      "webauthn-error-api-get": "Logging in with biometrics did not finish. Please try again.",
      "webauthn-error-user-not-found":
        "This biometric sign-in (passkey) is not registered, so it cannot be used to log in. Please log in with your user ID and password.",
      "webauthn-error-different-user":
        "The passkey you chose does not belong to the user ID logging in. Please choose your own passkey and try again.",
      "webauthn-error-auth-verification": "Your biometric check could not be confirmed. Please try again.",
      invalidTotpMessage:
        "The one-time password is not correct. Enter the latest 6-digit code shown in your authenticator app.",
      missingTotpMessage: "Enter the one-time password (the 6-digit code shown in your authenticator app).",
      accountTemporarilyDisabledMessageTotp:
        "After too many wrong entries, logging in is not possible for a while. Please wait and try again later.",
      missingTotpDeviceNameMessage: "Enter a device name.",
      "Device\\ already\\ exists\\ with\\ the\\ same\\ name":
        "A device with this name is already registered. Please enter another name (for example: iPhone 2).",
      "webauthn-error-register-verification": "Setting up biometric sign-in did not finish.",
      "webauthn-error-registration":
        "Biometric sign-in could not be registered. If a device with the same name is already registered, change the device name and try again.",
      updatePasswordMessage: "Please set a new password. Once it is set, your previous password no longer works.",
      resetPasswordMessage: "Please set a new password. Afterwards you will log in again with the new password.",
      updateProfileMessage: "Register your email address to go on to the next step.",
      missingEmailMessage: "Enter your email address.",
      "error-user-attribute-required": "Please fill in this field.",
      invalidEmailMessage: "This email address is not written correctly. Please check what you entered.",
      "error-invalid-email": "This email address is not written correctly. Please check what you entered.",
      confirmEmailAddressVerificationHeader: "Confirm your email address",
      confirmEmailAddressVerification: "To confirm the email address {0}, press “Continue”.",
      emailVerifiedMessageHeader: "Email address confirmed",
      emailVerifiedMessage:
        "Your email address is confirmed. Go back to the screen where you started logging in and continue there.",
      emailVerifiedAlreadyMessageHeader: "Email address already confirmed",
      emailVerifiedAlreadyMessage: "This email address has already been confirmed.",
      staleEmailVerificationLink:
        "This link is out of date and cannot be used. If your email address is already confirmed, simply continue logging in.",
      emailSendErrorMessage:
        "The email could not be sent. Please try again later. If this keeps happening, please contact your health insurance society.",
      missingUsernameMessage: "Enter your user ID.",
      credentialSetupRequired:
        "No multi-factor authentication (biometrics or one-time password) is registered, so you cannot go on from here. Please contact your health insurance society.",
      accountUpdatedTitle: "All done",
      accountUpdatedMessage: "Your changes are saved. If you set a new password, log in to the member portal with it.",
      expiredCodeMessage: "Too much time passed during login, so the login was stopped. Please log in again.",
      expiredActionTokenNoSessionMessage: "The link in the email has expired. Please start again from the beginning.",
      expiredActionTokenSessionExistsMessage:
        "The link in the email has expired. Please start again from the beginning.",
      invalidCodeMessage:
        "This page can no longer be used (this happens, for example, after going back with the browser’s Back button). Please log in again from the member portal.",
      cookieNotFoundMessage:
        "The login could not continue because its information was not found. Time may have run out, or cookies may be turned off in your browser. Turn cookies on and log in again from the member portal.",
      alreadyLoggedIn: "You are already logged in. Please go back to the member portal.",
      differentUserAuthenticated:
        "Another user ID ({0}) is logged in in this browser. Please log out first, then try again.",
      unexpectedErrorHandlingRequestMessage:
        "Something went wrong, so the login could not continue. Please log in again from the member portal.",
      sessionNotActiveMessage: "Your login has expired, or you have already logged out.",
      successLogout: "You are logged out. If this is a shared computer, please also close the browser.",

      kenpoProfileTitle: "Your email address",
      kenpoProfileLead: "Enter the email address for notices and for resetting your password.",
      kenpoEmailCodeTitle: "Confirm your email address",
      kenpoEmailCodeLead: "We sent a 6-digit confirmation code to {0}. Open the email and enter the code.",
      kenpoEmailCodeLabel: "Confirmation code (6 digits)",
      kenpoEmailCodeHint:
        "The code works for {0} minutes. You may read the email on your phone and type the code on a computer.",
      kenpoEmailCodeResend: "Send the code again",
      kenpoEmailCodeResent: "We sent a new code. The previous one no longer works.",
      kenpoEmailCodeWrongAddress:
        "If you do not recognise this address, or cannot use it now, stop here and contact your health insurance society. {0}",
      kenpoEmailCodeWrong:
        "The confirmation code is not correct. Check the 6 digits in the email. After several wrong attempts, you will not be able to log in for a while.",
      kenpoEmailCodeFormat: "The confirmation code is 6 digits. Enter it as written in the email.",
      kenpoEmailCodeExpired:
        "This code has expired or can no longer be used. Press “Send the code again” to receive a new one.",
      kenpoEmailCodeSendLimit:
        "No more codes can be sent for this login. Enter the code from an email you received, or start again from the member portal later.",
      kenpoEmailCodeSendFailed:
        "We could not send the email. Press “Send the code again” after a while. If it keeps failing, contact your health insurance society.",
      kenpoEmailEntryTitle: "Register your email address",
      kenpoEmailEntryLead:
        "Your health insurance society has no email address on file for you. Enter the address to use for notices and password resets; we will send a code to it.",
      kenpoEmailEntryLabel: "Email address",
      kenpoEmailEntryHint: "Enter an address you can receive mail at yourself.",
      kenpoEmailEntrySubmit: "Send the code",
      kenpoEmailEntryChange: "Enter a different email address",
      kenpoEmailInvalid: "This does not look like an email address (example: taro@example.jp).",
      kenpoVerifyEmailTitle: "Confirm your email address",
      kenpoVerifyEmailLead: "We sent a confirmation email to {0}. Open the link in it to continue.",
      kenpoVerifyEmailLeadNoAddress:
        "We sent a confirmation email to your registered address. Open the link in it to continue.",
      kenpoVerifyEmailSpam: "If you cannot find it, check your spam folder.",
      kenpoVerifyEmailResend: "Send the confirmation email again",
      verifyEmailMessage: "Your email address needs to be confirmed.",
      emailVerifySendCooldown: "The confirmation email was just sent. Please wait {0} seconds before trying again.",

      kenpoFirstLoginDoneTitle: "First login complete",
      kenpoFirstLoginDoneLead: "Next, set up multi-factor authentication ({0}). You can use the {1} once it is set up.",
      kenpoSetupHere: "Set up on this device",
      kenpoSetupHerePasskeyHint: "Register the face or fingerprint recognition of the smartphone you are using now.",
      kenpoSetupHerePasskeyHintPc:
        "Register this computer's face or fingerprint recognition (such as Windows Hello), or your smartphone's, by scanning the QR code the computer shows.",
      kenpoNewUserIdMemo:
        "Your user ID has changed. From now on, log in with your new user ID “{0}”. Please write it down.",
      kenpoSetupHereOtpHint: "Show a QR code here and scan it with the authenticator app on your smartphone.",
      kenpoContinueOnPhone: "Continue on my smartphone",
      kenpoContinueOnPhoneHint: "Choose this if you are on a computer.",
      kenpoContinueOnPhoneOtpHint:
        "Choose this to set up from your smartphone instead (you then type a key instead of scanning a QR code).",
      kenpoContinueOnPhoneLead:
        "Scan this QR code with your smartphone's camera and log in to the {0} again on the page that opens.",
      kenpoPortalQrAlt: "QR code opening the login page of the {0}",
      kenpoResumeNote: "If you close this page now, the set-up starts again here the next time you log in.",

      kenpoPasskeyRegisterTitle: "Set up biometric sign-in",
      kenpoPasskeyRegisterLead: "Register this smartphone's face or fingerprint recognition for logging in.",
      kenpoPasskeyRegisterLeadPc:
        "Register face or fingerprint recognition for logging in. If this computer has none, scan the QR code it shows with your smartphone's camera and register on the smartphone.",
      kenpoPasskeyRegisterStep1: "Check the device name.",
      kenpoPasskeyRegisterStep2: "Press “Register biometrics”.",
      kenpoPasskeyRegisterStep3:
        "Press “Continue” on the screen that appears and confirm with your face or fingerprint.",
      kenpoPasskeyRegisterButton: "Register biometrics",
      kenpoDeviceName: "Device name",
      kenpoDeviceNameHint: "When you change phones, this name tells you which device is which.",
      kenpoDeviceNameRequired: "Enter a device name.",
      kenpoDeviceIphone: "iPhone",
      kenpoDeviceIpad: "iPad",
      kenpoDeviceAndroid: "Android",
      kenpoDevicePc: "PC",
      kenpoDeviceSmartphone: "Smartphone",

      kenpoPasskeyLoginTitle: "Log in with biometrics",
      kenpoPasskeyLoginLead: "Press “Log in with biometrics” and confirm with your face or fingerprint.",
      kenpoPasskeyDevices: "Registered devices",
      kenpoPasskeyCreatedAt: "Registered: {0}",
      kenpoPasskeyErrorTitle: "Biometric check not completed",
      kenpoPasskeyErrorLead: "The face or fingerprint check was cancelled or did not finish in time.",
      kenpoPasskeyErrorHint: "Press “Retry” to start the biometric check again.",
      kenpoDoRetry: "Retry",
      kenpoOtherMethodHeading: "If this method does not work for you",
      kenpoOtherMethodLead:
        "If your smartphone does not support biometrics, or you cannot install an authenticator app, you can choose the method again. Log in once more with your user ID and new password to return to the method choice (step 5).",
      kenpoOtherMethodButton: "Choose another method",

      kenpoOtpSetupTitle: "Set up one-time passwords",
      kenpoOtpStep1: "Install one of these authenticator apps on your smartphone.",
      kenpoOtpStep2: "In the app, choose “Add a code” → “Scan a QR code” and scan this QR code.",
      kenpoOtpStep2Manual: "In the app, choose “Enter a setup key” and type this key.",
      kenpoOtpScanTip: "If scanning does not work, hold the phone's camera straight in front of the screen.",
      kenpoOtpQrAlt: "QR code for setting up one-time passwords",
      kenpoOtpManualLink: "Cannot scan the QR code? Enter a key instead",
      kenpoOtpPhoneStep:
        "You are setting up on this phone. Install an authenticator app, then press the button below: the app opens and adds the member portal.",
      kenpoOtpOpenApp: "Open the set-up in the authenticator app",
      kenpoOtpOpenAppHint:
        "If no app opens, copy the key below and paste it into the app under “Add a code” → “Enter a setup key” (time based).",
      kenpoOtpCopyKey: "Copy the key",
      kenpoOtpKeyCopied: "The key is copied. Paste it into the authenticator app.",
      kenpoOtpContinueOnPc:
        "To set up on a computer instead, close this page, open the member portal on the computer and log in: you continue from here and can scan the QR code on the computer's screen with your phone.",
      kenpoOtpQrLink: "Show the QR code",
      kenpoOtpKey: "Key",
      kenpoOtpKeyDetails: "Type: time-based / digits: {0} / interval: {1} s / algorithm: {2}",
      kenpoOtpStep3: "Enter the 6-digit code shown in the app and a device name, then press “Save”.",
      kenpoOtpCode: "One-time password (6 digits)",
      kenpoOtpCodeHint: "The 6-digit code shown in your authenticator app.",
      kenpoOtpLoginTitle: "Enter your one-time password",
      kenpoOtpLoginLead: "Enter the 6-digit code shown in the authenticator app on your smartphone.",
      kenpoOtpChooseDevice: "Device to use",

      kenpoErrorTitle: "Something went wrong",
      kenpoPageExpiredTitle: "This page can no longer be used",
      kenpoPageExpiredWhat:
        "You opened the page of a step you have already done (with the browser's Back button, for example). Your login is still going on: press “Continue” to return to the current step.",
      kenpoPageExpiredContinue: "Continue",
      kenpoTimeoutTitle: "Stopped because time ran out",
      kenpoTimeoutWhat: "Too much time passed during login, so the login was stopped for your security.",
      kenpoTimeoutNext: "Open the {0} with the button below and log in again with “Login with OpenID Connect”.",
      kenpoStartAgain: "Start again from the {0}",
      kenpoInfoTitle: "Notice",
      kenpoProceed: "Continue",
      kenpoBackToPortal: "Back to the {0}",
      kenpoLogoutTitle: "Log out",
      kenpoLogoutLead: "Do you want to log out?",
      kenpoDoLogout: "Log out",
      loginTimeout: "Too much time passed during login, so the login was stopped.",
      expiredActionMessage: "Time ran out, so the action was stopped. Please log in again.",
      emailSentMessage:
        "If the user ID is registered, we have sent a reset email to the email address on file. If none arrives, please contact your health insurance society.",
      kenpoResetFirstLogin:
        "Your first login is not finished yet, so the password cannot be reset here. Log in from the member portal with the initial password from your insurance card: its symbol + number + your date of birth (8 digits). If you forgot a password you chose during the first login, please contact your health insurance society.",
      kenpoNoEmailOnFile:
        "Your health insurance society has no email address on file for you, so you cannot go on from here. Please contact your health insurance society. {0}",
      kenpoResetLocked:
        "After too many wrong entries, logging in and resetting the password are not possible for a while. Please wait and try again later.",
    },
  })
  .build();

type I18n = ReturnType<typeof useI18n>["i18n"];

/** Any message key the theme can translate (ours and Keycloak's). */
type KenpoMessageKey = Parameters<I18n["msgStr"]>[0];

// Every key the authenticators send and every realm text has a translation or fallback above: tsc
// stops here when one is missing or spelled differently.
MESSAGE satisfies Record<keyof typeof MESSAGE, KenpoMessageKey>;
REALM_TEXT satisfies Record<keyof typeof REALM_TEXT, KenpoMessageKey>;

export { useI18n, type I18n, type KenpoMessageKey };
