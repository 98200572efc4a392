/**
 * Why one organisation may reach another's data, and which kinds of data. Versioned: a stored
 * agreement names the version of the purpose list it was made under (`purposesVersion`).
 */
export const SHARING_PURPOSES_VERSION = 1;

export const SHARING_PURPOSES = [
  "integrated-planning",
  "booking",
  "analysis",
  "operating-runs",
  "finance",
] as const;
export type SharingPurpose = (typeof SHARING_PURPOSES)[number];

/** The kinds of personal data an agreement can share, from least to most sensitive in use. */
export const DATA_ITEMS = [
  "identity",
  "contact",
  "home-location",
  "travel-needs",
  "health-detail",
  "trips",
] as const;
export type DataItem = (typeof DATA_ITEMS)[number];

/** What each data item holds, in one line a Caldicott guardian would read. */
export const DATA_ITEM_DESCRIPTIONS: Record<DataItem, string> = {
  identity: "Name, date of birth and references (pupil number, NHS number, case reference).",
  contact: "Phone, email and the contact details of a parent, guardian or carer.",
  "home-location": "Home address and its position on the map.",
  "travel-needs":
    "Needs that constrain travel (wheelchair, passenger assistant, may not travel with, door-to-door), without any diagnosis.",
  "health-detail": "Diagnoses, conditions, and clinic or appointment detail.",
  trips: "Trip requests and plans that name the passenger.",
};
