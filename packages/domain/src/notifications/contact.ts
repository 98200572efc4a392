import { z } from "zod";
import { nameSchema } from "../shared/schemas";

/** How a message reaches someone. */
export const CONTACT_CHANNELS = ["email", "sms"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Who the contact is to the passenger: messages about a child go to a parent or carer. */
export const CONTACT_RELATIONSHIPS = ["passenger", "parent", "carer"] as const;
export type ContactRelationship = (typeof CONTACT_RELATIONSHIPS)[number];

/** A UK mobile number written as people write it: 07…, +44 7… or 0044 7…, spaces and dashes allowed. */
const UK_MOBILE = /^(?:\+44|0044|0)7\d{9}$/;

/** A UK mobile number in the international form GOV.UK Notify and carriers take (+447…). */
export function normaliseUkMobile(text: string): string | undefined {
  const compact = text.replace(/[\s\-().]/g, "");
  if (!UK_MOBILE.test(compact)) return undefined;
  return `+44${compact.slice(compact.indexOf("7"))}`;
}

const EMAIL = z.email();

/** The address checked against its channel and written the one way it is stored. */
function normalisedAddress(channel: ContactChannel, text: string): string | undefined {
  if (channel === "sms") return normaliseUkMobile(text);
  const address = text.toLowerCase();
  return address.length <= 254 && EMAIL.safeParse(address).success ? address : undefined;
}

/**
 * Where a passenger's pick-up times and changes are sent: an email address or a UK mobile
 * number, and who it reaches. The least a message needs: no other detail is kept with it.
 */
export const contactFieldsSchema = z.object({
  channel: z.enum(CONTACT_CHANNELS, {
    message: `expected one of ${CONTACT_CHANNELS.join(", ")}`,
  }),
  address: z.string().trim().min(1, { message: "is required" }).max(254),
  relationship: z.enum(CONTACT_RELATIONSHIPS, {
    message: `expected one of ${CONTACT_RELATIONSHIPS.join(", ")}`,
  }),
  /** The name of the person it reaches, when not the passenger (a parent, a carer). */
  name: nameSchema.optional(),
});

/** A contact's fields with the address checked against its channel and normalised. */
export const contactInputSchema = contactFieldsSchema.transform((input, context) => {
  const address = normalisedAddress(input.channel, input.address);
  if (address) return { ...input, address };
  context.addIssue({
    code: "custom",
    path: ["address"],
    message:
      input.channel === "sms"
        ? "expected a UK mobile number (07… or +447…)"
        : "expected an email address",
  });
  return z.NEVER;
});
export type ContactInput = z.infer<typeof contactInputSchema>;

/** A contact as stored and shown to the desk. */
export interface Contact {
  readonly id: string;
  readonly passengerId: string;
  readonly channel: ContactChannel;
  readonly address: string;
  readonly relationship: ContactRelationship;
  readonly name: string | null;
  /** When the person asked for no more messages; null while they receive them. */
  readonly optedOutAt: string | null;
  readonly createdAt: string;
}

/** The address as the desk's lists show it: enough to recognise, not to copy. */
export function maskedAddress(channel: ContactChannel, address: string): string {
  if (channel === "sms") return `${address.slice(0, 3)}•••••${address.slice(-3)}`;
  const at = address.indexOf("@");
  return `${address.slice(0, Math.min(2, at))}•••${address.slice(at)}`;
}
