import type { ResolvedPolicy } from "./policy";
import type { Alternative } from "./types";

type PaidBy = Alternative["paidBy"];

/** Personal transport budget: pence a mile × miles × single journeys a day × school days. */
export function personalTransportBudget(
  policy: ResolvedPolicy,
  miles: number,
  paidBy: PaidBy,
): Alternative {
  const { ptbPencePerMile: rate, ptbLegsPerDay: legs, schoolDaysPerYear: days } = policy.parameters;
  const annual = Math.round(rate.value * miles * legs.value * days.value);
  return {
    kind: "personal-transport-budget",
    description:
      "A personal transport budget paid to the parent or carer to make their own arrangements",
    annualCostPence: annual,
    paidBy,
    basis: `${rate.value}p/mile × ${miles} miles × ${legs.value} journeys a day × ${days.value} days`,
    confidence: rate.confidence,
  };
}

/** Independent travel training, then a bus pass for the rest of the year. */
export function travelTraining(policy: ResolvedPolicy, paidBy: PaidBy): Alternative {
  const { travelTrainingPence: training, busPassAnnualPence: pass } = policy.parameters;
  return {
    kind: "independent-travel-training",
    description: "Independent travel training, leading to travel on a public transport pass",
    annualCostPence: training.value + pass.value,
    paidBy,
    basis: `training ${training.value}p (one-off) + bus pass ${pass.value}p a year`,
    confidence: training.confidence,
  };
}

export function busPass(policy: ResolvedPolicy, paidBy: PaidBy): Alternative {
  const pass = policy.parameters.busPassAnnualPence;
  return {
    kind: "bus-pass",
    description: "A public transport pass for the journey",
    annualCostPence: pass.value,
    paidBy,
    basis: `${pass.value}p a year (${pass.source})`,
    confidence: pass.confidence,
  };
}

/** Community transport or DRT: a fare each way on each travel day. */
export function communityTransport(
  policy: ResolvedPolicy,
  paidBy: PaidBy,
  daysPerYear = policy.parameters.schoolDaysPerYear.value,
): Alternative {
  const fare = policy.parameters.communityTransportFarePence;
  return {
    kind: "community-transport",
    description: "Community transport or demand-responsive transport (DRT) where it runs",
    annualCostPence: fare.value * 2 * daysPerYear,
    paidBy,
    basis: `${fare.value}p a single trip × 2 × ${daysPerYear} days`,
    confidence: fare.confidence,
  };
}

export function spareSeat(policy: ResolvedPolicy): Alternative {
  const seat = policy.parameters.spareSeatAnnualPence;
  return {
    kind: "spare-seat",
    description: "A paid spare seat on a council school vehicle, where one is free (s508C)",
    annualCostPence: seat.value,
    paidBy: "family",
    basis: `${seat.value}p a year (${seat.source})`,
    confidence: seat.confidence,
  };
}
