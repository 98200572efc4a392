import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ContactView } from "@tt/contract";
import { type FormEvent, useState } from "react";
import { api, type Problem, problemsOf } from "../api";
import { ChoiceField } from "../components/choice-field";
import { ErrorSummary } from "../components/error-summary";
import { SelectField } from "../components/select-field";
import { TableHead } from "../components/table-head";
import { TextField } from "../components/text-field";
import type { Found } from "./finder-words";
import {
  CHANNEL_CHOICES,
  CONTACT_FIELDS,
  contactState,
  contactWho,
  kindName,
  messageState,
  RELATIONSHIP_CHOICES,
  readContact,
} from "./message-words";

/** Messages shown at the desk, newest first. */
const SHOWN = 10;

function ContactRow({ contact, onOptOut }: { contact: ContactView; onOptOut: () => void }) {
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell">{contactWho(contact)}</td>
      <td className="govuk-table__cell">{contact.address}</td>
      <td className="govuk-table__cell">{contactState(contact)}</td>
      <td className="govuk-table__cell">
        {!contact.optedOutAt && (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            onClick={onOptOut}
          >
            Stop messages<span className="govuk-visually-hidden"> to {contact.address}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function AddContact({
  onAdd,
  busy,
  errorOf,
}: {
  onAdd: (form: FormData) => void;
  busy: boolean;
  errorOf: (id: string) => string | undefined;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onAdd(new FormData(event.currentTarget));
  };
  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <ChoiceField
        frame={{ id: "contact-channel", label: "How", error: errorOf("contact-channel") }}
        type="radio"
        choices={CHANNEL_CHOICES}
        checked={[]}
      />
      <TextField
        id="contact-address"
        label="Email address or mobile number"
        width="30"
        autoComplete="off"
        error={errorOf("contact-address")}
      />
      <SelectField
        frame={{
          id: "contact-relationship",
          label: "Who it reaches",
          error: errorOf("contact-relationship"),
        }}
        choices={RELATIONSHIP_CHOICES}
        blank="Choose"
      />
      <TextField
        id="contact-name"
        label="Their name (optional)"
        width="20"
        error={errorOf("contact-name")}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
        Add the contact
      </button>
    </form>
  );
}

/**
 * The passenger's contacts (where pick-up times and changes go, and who opted out) and the latest
 * messages about their trips, with where each stands. Adding a contact and stopping messages are
 * audited.
 */
export function PassengerMessages({ passenger }: { passenger: Found }) {
  const client = useQueryClient();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const contacts = useQuery({
    queryKey: ["contacts", passenger.id],
    queryFn: () => api.contacts(passenger.id),
  });
  const messages = useQuery({
    queryKey: ["messages", passenger.id],
    queryFn: () => api.passengerMessages(passenger.id),
  });
  const errorOf = (id: string) => problems.find((p) => p.href === `#${id}`)?.text;
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      setProblems([]);
      await client.invalidateQueries({ queryKey: ["contacts", passenger.id] });
    } catch (error) {
      setProblems(problemsOf(error, CONTACT_FIELDS));
    } finally {
      setBusy(false);
    }
  };
  const add = (form: FormData) => {
    const read = readContact({
      channel: String(form.get("contact-channel") ?? ""),
      address: String(form.get("contact-address") ?? ""),
      relationship: String(form.get("contact-relationship") ?? ""),
      name: String(form.get("contact-name") ?? ""),
    });
    if (!read.ok) return setProblems(read.problems);
    void act(() => api.addContact(passenger.id, read.value));
  };
  const listed = contacts.data?.contacts ?? [];
  const latest = (messages.data?.messages ?? []).slice(0, SHOWN);
  return (
    <section aria-labelledby="messages-heading" data-testid="passenger-messages">
      <h2 className="govuk-heading-m" id="messages-heading">
        Messages to {passenger.name}
      </h2>
      <ErrorSummary problems={problems} />
      {listed.length === 0 ? (
        <p className="govuk-body">No contacts: pick-up times and changes are not sent.</p>
      ) : (
        <table className="govuk-table" data-testid="contacts">
          <caption className="govuk-table__caption govuk-table__caption--s">Contacts</caption>
          <TableHead labels={["Who", "Address", "Messages", ""]} />
          <tbody className="govuk-table__body">
            {listed.map((c) => (
              <ContactRow
                key={c.id}
                contact={c}
                onOptOut={() => void act(() => api.optOutContact(c.id))}
              />
            ))}
          </tbody>
        </table>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Add a contact</span>
        </summary>
        <div className="govuk-details__text">
          <AddContact onAdd={add} busy={busy} errorOf={errorOf} />
        </div>
      </details>
      {latest.length > 0 && (
        <table className="govuk-table" data-testid="messages">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Latest messages
          </caption>
          <TableHead labels={["Day", "Message", "By", "Where it stands"]} />
          <tbody className="govuk-table__body">
            {latest.map((m) => (
              <tr className="govuk-table__row" key={m.id}>
                <td className="govuk-table__cell">{m.serviceDate}</td>
                <td className="govuk-table__cell">{kindName(m.kind)}</td>
                <td className="govuk-table__cell">{m.channel === "sms" ? "Text" : "Email"}</td>
                <td className="govuk-table__cell">{messageState(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
