// Tests use the same SMTP mailbox as `npm start`'s mail catcher.
export { mailboxSmtp, startMailbox, type Mailbox, type ReceivedMail } from "../../runtime/mail/mailbox.js";
