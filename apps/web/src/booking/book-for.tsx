import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { SelectField } from "../components/select-field";
import { bookingPartners, type DeskPartner } from "./partner-words";

/**
 * Whose passenger the desk books for: the organisation's own, or a partner's under a booking
 * agreement. Shown only when some agreement lets the desk book for a partner.
 */
export function BookFor({
  partner,
  onChoose,
}: {
  partner: DeskPartner | undefined;
  onChoose: (partner: DeskPartner | undefined) => void;
}) {
  const partners = useQuery({
    queryKey: ["partners", "booking"],
    queryFn: async () => bookingPartners(await api.listPartners()),
  });
  const list = partners.data ?? [];
  if (list.length === 0) return null;
  return (
    <SelectField
      frame={{
        id: "book-for",
        label: "Whose passenger?",
        hint: "Your organisation's, or a partner's under its booking agreement: the trip goes into that organisation's plan of the day",
      }}
      choices={list.map((p) => ({ value: p.id, text: `${p.name} (agreement ${p.agreement})` }))}
      defaultValue={partner?.id ?? ""}
      blank="Your organisation"
      onChange={(id) => onChoose(list.find((p) => p.id === id))}
    />
  );
}
