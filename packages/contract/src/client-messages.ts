import type { ContactBody, ContactView, MessageView } from "./routes";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (id: string) => encodeURIComponent(id);

/** Passengers' contacts and the messages about their trips. */
export function messageClientMethods(call: Call) {
  return {
    /** Where the passenger's pick-up times and changes go. */
    contacts: (passengerId: string) =>
      call<{ contacts: ContactView[] }>("GET", `/api/passengers/${at(passengerId)}/contacts`),
    /** Adds an email address or UK mobile; 422 names the field that is wrong. */
    addContact: (passengerId: string, body: ContactBody) =>
      call<ContactView>("POST", `/api/passengers/${at(passengerId)}/contacts`, body),
    /** Records that the contact wants no more messages. */
    optOutContact: (contactId: string) =>
      call<ContactView>("POST", `/api/contacts/${at(contactId)}/opt-out`),
    removeContact: (contactId: string) =>
      call<undefined>("DELETE", `/api/contacts/${at(contactId)}`),
    /** The messages about the passenger's trips, newest first. */
    passengerMessages: (passengerId: string) =>
      call<{ messages: MessageView[] }>("GET", `/api/passengers/${at(passengerId)}/messages`),
    /** Follows an opt-out link's token: no sign-in needed. */
    optOutByLink: (token: string) =>
      call<{ channel: ContactView["channel"] }>("POST", `/api/opt-out/${at(token)}`),
  };
}
