import type { BookedView, BookingOptionsView } from "@tt/contract";
import { pounds, reasonText } from "../planning/format";
import { capitalise } from "./booking-words";
import { weekdayList } from "./repeat-words";

export type BookingOption = BookingOptionsView["options"][number];
type Entitlement = BookingOptionsView["entitlement"];
type Refusal = BookingOptionsView["refusals"][number];

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

const REGIME_NAMES: Readonly<Record<string, string>> = {
  "home-to-school": "home to school transport",
  "post-16": "post-16 transport",
  "adult-social-care": "adult social care transport",
  nepts: "non-emergency patient transport (NEPTS)",
  "community-transport": "community transport",
};

export const regimeName = (regime: string) => REGIME_NAMES[regime] ?? regime.replaceAll("-", " ");

/** Whom else the trip delays, and by how much, in a few words. */
export function detourText(detour: BookingOption["detour"]): string {
  if (detour.passengers === 0) return "No one else affected";
  const minutes = Math.round(detour.addedRideMinutes);
  return `${count(detour.passengers, "passenger", "passengers")}, ${count(minutes, "minute", "minutes")} added`;
}

/** An option's cells, in the order of the table's columns. */
export function optionCells(option: BookingOption) {
  return {
    vehicle: option.vehicleReference,
    window: `${option.pickupWindow[0]} to ${option.pickupWindow[1]}`,
    pickup: option.pickup,
    dropoff: option.dropoff,
    cost: pounds(option.addedCost),
    detour: detourText(option.detour),
  };
}

/** Why some vehicles cannot take the trip: the reason in words, how many, an example. */
export function refusalText(refusal: Refusal): string {
  const vehicles = count(refusal.vehicles, "vehicle", "vehicles");
  return `${capitalise(reasonText(refusal.reason))} (${vehicles}), for example: ${refusal.example}`;
}

/** The entitlement check in words when it passes. */
export function entitledText(regime: string | null): string {
  return regime
    ? `The passenger is entitled to ${regimeName(regime)}.`
    : "No entitlement is needed for this purpose.";
}

/** The warning when it does not: the heading, then the API's reason and what follows from it. */
export function notEntitledText(entitlement: Entitlement): { heading: string; detail: string } {
  const to = entitlement.regime ? ` to ${regimeName(entitlement.regime)}` : "";
  const why = entitlement.message ?? entitlement.rule ?? "No decision allows the trip.";
  return {
    heading: `The passenger is not entitled${to}.`,
    detail: `${why} The options are shown, but the trip cannot be booked until a decision allows it.`,
  };
}

/** The sentence above the options: how many, or that there are none. */
export function optionsSummary(view: BookingOptionsView): string {
  const { options } = view;
  if (options.length === 0) return "No vehicle in the day's plan can take this trip.";
  const places = count(options.length, "vehicle can", "vehicles can");
  return `${places} take this trip in revision ${view.revision} of the day's plan, cheapest first.`;
}

/** What the booking banner says under its heading: where and when the passenger is picked up. */
export function bookedDetails(booked: BookedView): string {
  const { option } = booked;
  const [from, to] = option.pickupWindow;
  const moved = booked.insteadOfVehicleId
    ? "The vehicle chosen had no room left by then, so the trip went on another within the pick-up window told. "
    : "";
  const first = `${moved}On ${option.vehicleReference}: pick-up between ${from} and ${to} (planned ${option.pickup}), drop-off ${option.dropoff}. The day's plan is now revision ${booked.revision}.`;
  if (!booked.repeats) return first;
  const later = laterDaysText(booked);
  return [first, repeatsText(booked.repeats), ...(later ? [later] : [])].join(" ");
}

const listOf = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");

/** The later days that already had a published plan: in it (on which vehicle), or why not. */
export function laterDaysText(booked: BookedView): string {
  const placed = booked.laterDays.filter((d) => d.planId !== null && d.reason === null);
  const other = placed.filter((d) => d.vehicleId !== booked.option.vehicleId).map((d) => d.date);
  const missed = booked.laterDays.filter((d) => d.reason !== null);
  const parts: string[] = [];
  if (placed.length > 0) {
    const where =
      other.length === 0 ? "on the same vehicle" : `on another vehicle on ${listOf(other)}`;
    parts.push(
      `It is also in the published plans of ${listOf(placed.map((d) => d.date))}, ${where}.`,
    );
  }
  for (const day of missed) {
    parts.push(`Not yet in the plan of ${day.date}: ${day.reason}; the day's next plan takes it.`);
  }
  return parts.join(" ");
}

/** When a repeating trip travels, and what carries it on the later days. */
export function repeatsText(repeats: NonNullable<BookedView["repeats"]>): string {
  const list = weekdayList(repeats.weekdays);
  const terms = repeats.termCalendarId ? " in term time" : "";
  return `It repeats every ${list}${terms} until ${repeats.until}: later days' plans take it when they are made.`;
}

/** The vehicles the search left out, being farther off. */
export const untriedText = (untried: number) =>
  `${count(untried, "vehicle", "vehicles")} farther off ${untried === 1 ? "was" : "were"} not tried.`;
