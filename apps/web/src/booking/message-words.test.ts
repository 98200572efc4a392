import type { ContactView, MessageView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { contactState, contactWho, messageState, readContact } from "./message-words";

const contact: ContactView = {
  id: "c",
  passengerId: "p",
  channel: "sms",
  address: "+447700900123",
  relationship: "parent",
  name: "Sam Ellis",
  optedOutAt: null,
  createdAt: "2026-12-01T09:00:00Z",
};

const message = (over: Partial<MessageView>): MessageView => ({
  id: "m",
  contactId: "c",
  passengerId: "p",
  tripRequestId: "t",
  serviceDate: "2026-12-08",
  kind: "pick-up-changed",
  channel: "sms",
  subject: "Pick-up time changed",
  body: "…",
  status: "queued",
  attempts: 0,
  providerReference: null,
  error: null,
  createdAt: "2026-12-07T08:00:00Z",
  sentAt: null,
  ...over,
});

describe("the desk's words for contacts and messages", () => {
  it("names who a contact reaches and whether they opted out", () => {
    expect(contactWho(contact)).toBe("Text to Sam Ellis (parent)");
    expect(
      contactWho({ ...contact, channel: "email", name: null, relationship: "passenger" }),
    ).toBe("Email to the passenger");
    expect(contactState(contact)).toBe("Receives pick-up times and changes");
    expect(contactState({ ...contact, optedOutAt: "2026-12-03T10:00:00Z" })).toBe(
      "Opted out on 3 December 2026",
    );
  });

  it("says where a message stands, with the provider's reason when it failed", () => {
    expect(messageState(message({ status: "sent", sentAt: "2026-12-07T08:05:00Z" }))).toBe(
      "Sent 7 Dec, 08:05",
    );
    expect(messageState(message({ error: "429 rate limit" }))).toBe(
      "Waiting to try again (429 rate limit)",
    );
    expect(messageState(message({ status: "failed", error: "400 bad number" }))).toBe(
      "Not sent: 400 bad number",
    );
    expect(messageState(message({ status: "opted-out" }))).toBe("Not sent: the contact opted out");
  });

  it("reads the contact form and names each missing answer", () => {
    expect(readContact({ channel: "", address: " ", relationship: "", name: "" })).toEqual({
      ok: false,
      problems: [
        { text: "Choose email or text message", href: "#contact-channel" },
        { text: "Enter the email address or mobile number", href: "#contact-address" },
        { text: "Choose who the contact is", href: "#contact-relationship" },
      ],
    });
    expect(
      readContact({ channel: "email", address: " a@b.org ", relationship: "carer", name: "" }),
    ).toEqual({ ok: true, value: { channel: "email", address: "a@b.org", relationship: "carer" } });
  });
});
