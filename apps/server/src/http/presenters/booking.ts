import type { Booked, BookingOptions, Cancelled, OfferedOption, StoredCancellation } from "@tt/app";
import type {
  BookedView,
  BookingOptionsView,
  CancellationSummaryView,
  CancelledView,
} from "@tt/contract";
import {
  CANCELLATION_REASON_CODES,
  CANCELLATION_REASONS,
  type CancellationReason,
  formatMinutesOfDay,
} from "@tt/domain";

type OptionView = BookingOptionsView["options"][number];

const clock = (minutes: number) => formatMinutesOfDay(Math.round(minutes));

function presentOption(option: OfferedOption): OptionView {
  return {
    vehicleId: option.vehicle,
    vehicleReference: option.vehicleReference,
    pickup: clock(option.pickup),
    pickupWindow: [clock(option.pickupWindow[0]), clock(option.pickupWindow[1])],
    dropoff: clock(option.dropoff),
    addedCost: Math.round(option.addedCost * 100) / 100,
    detour: { ...option.detour },
    stops: option.run.stops.length,
  };
}

/** The desk's options: times as HH:MM, pounds to the penny, the run's stops counted. */
export function presentBookingOptions(found: BookingOptions): BookingOptionsView {
  const { entitlement } = found;
  return {
    planId: found.planId,
    revision: found.revision,
    entitlement: entitlement.ok
      ? { ok: true, regime: entitlement.regime, decisionId: entitlement.decisionId }
      : { ...entitlement },
    options: found.options.map(presentOption),
    refusals: found.refusals.map((r) => ({ ...r })),
    untried: found.untried,
  };
}

export function presentBooked(booked: Booked): BookedView {
  return {
    tripRequestId: booked.tripRequest.id,
    reference: booked.tripRequest.reference,
    planId: booked.planId,
    revision: booked.revision,
    option: presentOption(booked.option),
    insteadOfVehicleId: booked.insteadOf,
    repeats: repeatsOf(booked.tripRequest.recurrence),
    laterDays: booked.laterDays.map(({ vehicle, ...day }) => ({ ...day, vehicleId: vehicle })),
  };
}

/** A repeating trip's weekdays and last day; null for a one-off. */
function repeatsOf(recurrence: Booked["tripRequest"]["recurrence"]): BookedView["repeats"] {
  if (recurrence.kind === "one-off") return null;
  const { weekdays, to: until, termCalendarId } = recurrence;
  return { weekdays, until, termCalendarId: termCalendarId ?? null };
}

const isReason = (code: string): code is CancellationReason =>
  CANCELLATION_REASON_CODES.some((c) => c === code);

/** A stored cancellation: its reason one of the list's (the store keeps only those). */
function presentCancellation(c: StoredCancellation): CancelledView["cancellation"] {
  if (!isReason(c.reason)) throw new Error(`a stored cancellation has an unknown reason`);
  const { cancelledBy: _by, ...fields } = c;
  return { ...fields, reason: c.reason };
}

export function presentCancelled(cancelled: Cancelled): CancelledView {
  return {
    cancellation: presentCancellation(cancelled.cancellation),
    plan: cancelled.plan && { ...cancelled.plan },
    offers: cancelled.offers.map((o) => ({
      tripRequestId: o.tripRequestId,
      vehicleId: o.vehicle,
      pickup: clock(o.pickup),
    })),
    returnLeg: cancelled.returnLeg && { ...cancelled.returnLeg },
  };
}

/** Every reason of the list with its count (none: 0), and the total. */
export function presentCancellationSummary(summary: {
  from: string;
  to: string;
  reasonsVersion: string;
  byReason: Record<string, number>;
}): CancellationSummaryView {
  const reasons = CANCELLATION_REASON_CODES.map((code) => ({
    code,
    ...CANCELLATION_REASONS[code],
    count: summary.byReason[code] ?? 0,
  }));
  const total = Object.values(summary.byReason).reduce((a, b) => a + b, 0);
  return {
    from: summary.from,
    to: summary.to,
    reasonsVersion: summary.reasonsVersion,
    reasons,
    total,
  };
}
