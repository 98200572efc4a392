import { z } from "zod";
import { addDays } from "../entitlement/dates";
import type { Confidence } from "../entitlement/types";
import { idSchema, plainTextSchema } from "../shared/schemas";
import { isoDateSchema } from "../shared/time-of-day";

/**
 * How a contract is priced: a day's work of the vehicle, a mile driven, a trip carried, or (for
 * community transport) mileage at a rate, by default the HMRC approved mileage allowance.
 */
export const CONTRACT_PRICE_BASES = ["per-day", "per-mile", "per-trip", "mileage-rate"] as const;
export type ContractPriceBasis = (typeof CONTRACT_PRICE_BASES)[number];

/** A rate the product relies on, versioned, with where it comes from. */
export interface SourcedRate {
  readonly version: string;
  readonly pence: number;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * The default rate of a `mileage-rate` contract: HMRC's approved mileage allowance payment for
 * cars and vans, first 10,000 miles (domain rules §community transport).
 */
export const MILEAGE_RATE_DEFAULT: SourcedRate = {
  version: "hmrc-amap-2011",
  pence: 45,
  source:
    "HMRC approved mileage allowance payments, cars and vans, first 10,000 miles (gov.uk, 'Expenses and benefits: business travel mileage'); domain rules note it as general knowledge to check",
  confidence: "unverified",
};

/** Kilometres in a mile: prices per mile are planned per kilometre. */
export const KM_PER_MILE = 1.609344;

/**
 * Where a contract stands. `draft` while the buyer writes it; `active` once signed (it prices the
 * vehicles it names from `startsOn` to `endsOn`); `terminated` by the buyer at one of its break
 * dates, or `handed-back` by the operator: both from `endedOn`, the first day without it.
 */
export const CONTRACT_STATUSES = ["draft", "active", "terminated", "handed-back"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

const MAX_CONTRACT_PENCE = 10_000_000;

const priceSchema = z
  .object({
    basis: z.enum(CONTRACT_PRICE_BASES),
    /** Pence per day, mile or trip; a mileage-rate contract without it pays `MILEAGE_RATE_DEFAULT`. */
    pence: z
      .number({ message: "expected whole pence" })
      .int({ message: "expected whole pence" })
      .positive({ message: "a price above nothing" })
      .max(MAX_CONTRACT_PENCE, { message: "at most £100,000" })
      .optional(),
  })
  .refine((p) => p.basis === "mileage-rate" || p.pence !== undefined, {
    message: "give the price in pence",
    path: ["pence"],
  });

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** The longest term a contract may run, in years [D]: a DPS call-off is let for a few years. */
export const MAX_CONTRACT_YEARS = 10;

export const contractInputSchema = z
  .object({
    /** The operator or community transport group that supplies the transport. */
    operatorId: idSchema,
    reference: plainTextSchema(40).min(1, { message: "give the contract's reference" }),
    title: plainTextSchema(200).min(1, { message: "say what the contract is for" }),
    /** The buyer's funders (budgets) that pay for it. */
    funderIds: z.array(idSchema).max(20).refine(unique, { message: "a funder is listed twice" }),
    price: priceSchema,
    /** The operator's vehicles the contract prices while it is in force. */
    vehicleIds: z.array(idSchema).max(200).refine(unique, { message: "a vehicle is listed twice" }),
    /** The runs it covers, by the buyer's names for them (e.g. "SCH-12 AM"). */
    runs: z
      .array(plainTextSchema(60).min(1))
      .max(200)
      .refine(unique, { message: "a run is listed twice" }),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    /** Days the buyer may end it early (each between its start and its end). */
    breakDates: z
      .array(isoDateSchema)
      .max(24)
      .refine(unique, { message: "a break date is listed twice" }),
  })
  .refine((c) => c.startsOn <= c.endsOn, {
    message: "endsOn must not be before startsOn",
    path: ["endsOn"],
  })
  .refine((c) => c.endsOn <= addDays(c.startsOn, MAX_CONTRACT_YEARS * 366), {
    message: `a contract runs at most ${MAX_CONTRACT_YEARS} years`,
    path: ["endsOn"],
  })
  .refine((c) => c.breakDates.every((d) => d > c.startsOn && d <= c.endsOn), {
    message: "each break date falls after the start and not after the end",
    path: ["breakDates"],
  });
export type ContractInput = z.infer<typeof contractInputSchema>;

const endingSchema = {
  /** The first day without the contract. */
  endedOn: isoDateSchema,
  reason: plainTextSchema(500).min(1, { message: "say why" }),
};

/** The buyer signs (draft → active) or ends the contract at one of its break dates. */
export const contractMoveSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("active") }),
  z.object({ status: z.literal("terminated"), ...endingSchema }),
]);

/** The operator hands the contract back from tomorrow at the earliest. */
export const handBackSchema = z.object(endingSchema);

export type ContractMove =
  | z.infer<typeof contractMoveSchema>
  | ({ readonly status: "handed-back" } & z.infer<typeof handBackSchema>);

export interface Contract extends ContractInput {
  readonly id: string;
  /** The buying organisation (a council, the ICB, a partnership or a local consortium). */
  readonly buyerId: string;
  readonly status: ContractStatus;
  readonly endedOn?: string;
  readonly reason?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The last day the contract prices its vehicles: its end, or the day before it was ended. */
export function lastContractDay(contract: Contract): string {
  if (!contract.endedOn) return contract.endsOn;
  const last = addDays(contract.endedOn, -1);
  return last < contract.endsOn ? last : contract.endsOn;
}

/** True when the contract prices its vehicles on `date`: signed, started and not yet over. */
export function isContractInForce(contract: Contract, date: string): boolean {
  if (contract.status === "draft") return false;
  return contract.startsOn <= date && date <= lastContractDay(contract);
}

/** Why the contract cannot move as asked on `today`, or undefined when it can. */
export function findContractMoveRefusal(
  contract: Contract,
  move: ContractMove,
  today: string,
): string | undefined {
  if (move.status === "active") {
    return contract.status === "draft"
      ? undefined
      : `a contract ${contract.status} cannot be signed`;
  }
  if (contract.status !== "active") return `a contract ${contract.status} cannot be ended`;
  if (move.endedOn < today) return "it cannot end on a day already past";
  if (move.status === "handed-back" && move.endedOn <= today) {
    return "an operator hands a contract back from tomorrow at the earliest (today's runs are rearranged at the booking desk)";
  }
  if (move.endedOn > contract.endsOn) return "it ends on its own by then";
  if (move.status === "terminated" && !contract.breakDates.includes(move.endedOn)) {
    return "the buyer ends a contract early only at one of its break dates";
  }
  return undefined;
}

/** A vehicle's planning costs under a contract, pence (as the register's vehicles hold them). */
export interface ContractCosts {
  readonly fixedCostPence: number;
  readonly costPerKmPence: number;
  readonly costPerHourPence: number;
  /** Pence for each trip the vehicle carries (a per-trip contract). */
  readonly costPerTripPence: number;
}

/** What planning counts for a vehicle the contract prices. */
export function contractCosts(contract: Contract): ContractCosts {
  const { basis, pence } = contract.price;
  const none = { fixedCostPence: 0, costPerKmPence: 0, costPerHourPence: 0, costPerTripPence: 0 };
  if (basis === "per-day") return { ...none, fixedCostPence: pence ?? 0 };
  if (basis === "per-trip") return { ...none, costPerTripPence: pence ?? 0 };
  const perMile = pence ?? MILEAGE_RATE_DEFAULT.pence;
  return { ...none, costPerKmPence: perMile / KM_PER_MILE };
}

/** What the alignment proposes for one contract. */
export interface AlignmentStep {
  readonly contractId: string;
  readonly reference: string;
  readonly endsOn: string;
  /** `as-is` ends on the date already; `extend` to it; `break` ends at a break date near it. */
  readonly proposal: "as-is" | "extend" | "break";
  /** The last day the contract would run. */
  readonly lastDay: string;
  /** Days later (positive) or earlier (negative) than now. */
  readonly days: number;
}

/** Contracts to end together on `alignTo`, so that their work can be bought again as one. */
export interface AlignmentGroup {
  readonly alignTo: string;
  readonly steps: readonly AlignmentStep[];
}

/** The last day of the school year (31 August) on or after `date`: when school contracts turn over. */
export function schoolYearEnd(date: string): string {
  const year = Number(date.slice(0, 4));
  const end = `${year}-08-31`;
  return date <= end ? end : `${year + 1}-08-31`;
}

const daysFrom = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * How to align the expiry dates of the contracts in force after `today` (the Lincolnshire
 * pilot's step before packaging work into whole days): each is grouped on the end of the school
 * year in which it expires, and proposed to run to it. A contract expiring in a later school year
 * whose break date falls on or just after an earlier group's date joins that group instead, ending
 * at its break. Groups of one contract are left out: there is nothing to align.
 */
export function proposeAlignment(contracts: readonly Contract[], today: string): AlignmentGroup[] {
  const running = contracts.filter((c) => c.status === "active" && lastContractDay(c) >= today);
  const groups = new Map<string, AlignmentStep[]>();
  const add = (alignTo: string, step: AlignmentStep) =>
    groups.set(alignTo, [...(groups.get(alignTo) ?? []), step]);
  const dates = new Set(running.map((c) => schoolYearEnd(lastContractDay(c))));
  for (const c of running) {
    const last = lastContractDay(c);
    const own = schoolYearEnd(last);
    const base = { contractId: c.id, reference: c.reference, endsOn: last };
    const breakInto = [...dates]
      .filter((d) => d < own)
      .sort()
      .flatMap((d) =>
        c.breakDates
          .filter((b) => b > today && addDays(b, -1) <= d && b > addDays(d, -31))
          .map((b) => ({ d, b })),
      )[0];
    if (breakInto) {
      const lastDay = addDays(breakInto.b, -1);
      add(breakInto.d, { ...base, proposal: "break", lastDay, days: daysFrom(last, lastDay) });
    } else {
      const proposal = last === own ? "as-is" : "extend";
      add(own, { ...base, proposal, lastDay: own, days: daysFrom(last, own) });
    }
  }
  return [...groups.entries()]
    .filter(([, steps]) => steps.length > 1)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([alignTo, steps]) => ({
      alignTo,
      steps: steps.sort((a, b) => a.reference.localeCompare(b.reference)),
    }));
}
