// Tests use the same SMTP mailbox as `npm start`'s mail catcher.
export { startMailbox, type Mailbox, type ReceivedMail } from "../../runtime/mail/mailbox.js";
