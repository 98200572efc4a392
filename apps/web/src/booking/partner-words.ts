import type { PartnerListView, SharedPassengerPageView } from "@tt/contract";
import type { Found } from "./finder-words";

/** An organisation whose passengers the desk may book for. */
export interface DeskPartner {
  readonly id: string;
  readonly name: string;
  /** The agreement the desk books under. */
  readonly agreement: string;
}

/**
 * The partners an active agreement lets the desk book for: booking among its purposes, identity
 * (to find the passenger) and trips (to book them) among its data items. By name.
 */
export function bookingPartners(list: PartnerListView): DeskPartner[] {
  return list.items.flatMap((partner) => {
    const agreement = partner.agreements.find(
      (a) =>
        a.purposes.includes("booking") &&
        a.dataItems.includes("identity") &&
        a.dataItems.includes("trips"),
    );
    return agreement
      ? [{ id: partner.organisationId, name: partner.name, agreement: agreement.reference }]
      : [];
  });
}

/** A partner's passengers as the finder lists them: name and reference, as the agreement shares. */
export function foundPartnerPassengers(page: SharedPassengerPageView): Found[] {
  return page.items.map((p) => ({
    id: p.id,
    reference: p.reference ?? "",
    name: [p.givenName, p.familyName].filter(Boolean).join(" "),
  }));
}

/** Where a partner's booking went: its plan is the partner's own, which the desk cannot open. */
export const partnerPlanText = (partner: DeskPartner, revision: number) =>
  `It is in ${partner.name}'s operating plan, revision ${revision}, booked under agreement ${partner.agreement}.`;
