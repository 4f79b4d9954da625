import type { KcContext } from "../KcContext";
import type { I18n } from "../i18n";
import Template from "../Template";
import { StartAgain } from "../components/StartAgain";

type Props = { kcContext: Extract<KcContext, { pageId: "login-page-expired.ftl" }>; i18n: I18n };

/** Manual "ログイン中に一定時間が経過したことでエラーとなったとき". */
export default function LoginPageExpired(props: Props) {
  const { kcContext, i18n } = props;
  return (
    <Template kcContext={kcContext} i18n={i18n} headerNode={i18n.msgStr("kenpoTimeoutTitle")} displayMessage={false}>
      <StartAgain kcContext={kcContext} i18n={i18n} />
    </Template>
  );
}
