import {
  CONTACT_CHANNELS,
  CONTACT_RELATIONSHIPS,
  type ContactBody,
  type ContactView,
  type MessageView,
} from "@tt/contract";
import type { Choice } from "../components/select-field";
import { longDate } from "../sharing/agreement-words";

export const CHANNEL_CHOICES: readonly Choice[] = [
  { value: "email", text: "Email" },
  { value: "sms", text: "Text message (UK mobile)" },
];

export const RELATIONSHIP_CHOICES: readonly Choice[] = [
  { value: "parent", text: "Parent" },
  { value: "carer", text: "Carer" },
  { value: "passenger", text: "The passenger" },
];

/** The contact form's field ids by the API's paths. */
export const CONTACT_FIELDS: Readonly<Record<string, string>> = {
  channel: "contact-channel",
  address: "contact-address",
  relationship: "contact-relationship",
  name: "contact-name",
};

const KIND_NAMES: Record<MessageView["kind"], string> = {
  "pick-up-time": "Pick-up time",
  "booking-confirmed": "Trip booked",
  "pick-up-changed": "Pick-up changed",
  "trip-cancelled": "Trip cancelled",
};

export const kindName = (kind: MessageView["kind"]) => KIND_NAMES[kind];

/** "Email" or "Text" and who it reaches, for the contacts list. */
export function contactWho(contact: ContactView): string {
  const how = contact.channel === "sms" ? "Text" : "Email";
  const who = contact.relationship === "passenger" ? "the passenger" : contact.relationship;
  return `${how} to ${contact.name ? `${contact.name} (${who})` : who}`;
}

/** Whether messages reach the contact. */
export function contactState(contact: ContactView): string {
  return contact.optedOutAt
    ? `Opted out on ${longDate(contact.optedOutAt)}`
    : "Receives pick-up times and changes";
}

const CLOCK = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  day: "numeric",
  month: "short",
  timeZone: "Europe/London",
});

/** Where a message stands, in words the desk can read out. */
export function messageState(message: MessageView): string {
  switch (message.status) {
    case "sent":
      return message.sentAt ? `Sent ${CLOCK.format(new Date(message.sentAt))}` : "Sent";
    case "queued":
      return message.error ? `Waiting to try again (${message.error})` : "Waiting to be sent";
    case "sending":
      return "Being sent";
    case "failed":
      return `Not sent: ${message.error ?? "the service refused it"}`;
    case "opted-out":
      return "Not sent: the contact opted out";
  }
}

const channelOf = (text: string) => CONTACT_CHANNELS.find((c) => c === text);
const relationshipOf = (text: string) => CONTACT_RELATIONSHIPS.find((r) => r === text);

type FormProblem = { readonly text: string; readonly href: string };

/** The contact the form describes, or its problems in the order of the fields. */
export function readContact(form: {
  channel: string;
  address: string;
  relationship: string;
  name: string;
}): { ok: true; value: ContactBody } | { ok: false; problems: FormProblem[] } {
  const channel = channelOf(form.channel);
  const relationship = relationshipOf(form.relationship);
  const address = form.address.trim();
  const problems: FormProblem[] = [];
  if (!channel) problems.push({ text: "Choose email or text message", href: "#contact-channel" });
  if (!address)
    problems.push({ text: "Enter the email address or mobile number", href: "#contact-address" });
  if (!relationship)
    problems.push({ text: "Choose who the contact is", href: "#contact-relationship" });
  if (!channel || !relationship || !address) return { ok: false, problems };
  const name = form.name.trim();
  return { ok: true, value: { channel, address, relationship, ...(name ? { name } : {}) } };
}
