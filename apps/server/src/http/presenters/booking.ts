import type { Booked, BookingOptions, OfferedOption } from "@tt/app";
import type { BookedView, BookingOptionsView } from "@tt/contract";
import { formatMinutesOfDay } from "@tt/domain";

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
  };
}
