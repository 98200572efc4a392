export { createNotifyNotifier, type NotifyNotifierOptions } from "./notify-notifier";
export { createSmtpNotifier, SMTP_MESSAGE_HEADER, type SmtpNotifierOptions } from "./smtp-notifier";
