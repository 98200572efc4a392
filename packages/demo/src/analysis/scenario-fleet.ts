import type { VehicleTag } from "@tt/app";
import { emissionClassOf } from "@tt/domain";
import type { DemoVehicle } from "../scenario-types";

/**
 * Which funder's silo fleet each vehicle of the demo partnership belongs to: the budget that
 * holds its contract in a world without Total Transport. One line per fleet line of the demo
 * (`packages/app/src/demo/fleet.ts`, by reference prefix); within a line the pattern runs over
 * the partnership's vehicles of that line in register order, the `k`-th (from 0) going to
 * `pattern[k % length]`.
 * The rule, by operator contract and vehicle type [D], sized so that each budget's fleet serves its
 * own demand on the demo Tuesday (checked with 20 s silo plans: every trip of home-to-school,
 * SEND, adult social care, supported bus and NEPTS served; post-16 all but 4 of 494, short of
 * wheelchair-accessible vehicles):
 * - coaches, midi-coaches and the coach firm's plain minibuses run mainstream home-to-school routes;
 * - the council's own 16-seat minibuses, with its passenger assistants, and the coach firm's
 *   tail-lift minibuses carry SEND pupils; the council's 12 + 2 minibuses adult day services;
 * - taxis alternate between SEND pupils and post-16 students; MPVs carry SEND pupils; WAVs go two
 *   in five to SEND pupils, two in five to adults and one in five to post-16 students;
 * - community-transport minibuses alternate between adult day services and the council's DRT
 *   (supported bus);
 * - the patient-transport firm's ambulances and WAVs serve the ICB's NEPTS contract.
 */
export const DEMO_SILO_FLEETS: Readonly<Record<string, readonly string[]>> = {
  "WC-C53": ["ccc-hts"],
  "WC-C70": ["ccc-hts"],
  "WC-C33": ["ccc-hts"],
  "WC-MB": ["ccc-hts"],
  "WC-ML": ["ccc-send"],
  "CCC-MB": ["ccc-send"],
  "CCC-MW": ["ccc-asc"],
  "RT-T": ["ccc-send", "ccc-p16"],
  "RT-M": ["ccc-send"],
  "RT-W": ["ccc-send", "ccc-asc", "ccc-send", "ccc-asc", "ccc-p16"],
  "BCT-MB": ["ccc-asc", "ccc-pt"],
  "LPT-A": ["icb-nepts"],
  "LPT-W": ["icb-nepts"],
};

/** The reference prefix of a demo vehicle, e.g. "WC-MB" for "WC-MB-07". */
export function fleetLineOf(reference: string): string {
  return /^(.*)-\d+$/.exec(reference)?.[1] ?? reference;
}

/**
 * Each vehicle's silo funder, by {@link DEMO_SILO_FLEETS}; throws, naming the vehicle, when no
 * line covers it.
 */
export function siloFunders(vehicles: readonly DemoVehicle[]): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const { reference } of vehicles) {
    const line = fleetLineOf(reference);
    const pattern = DEMO_SILO_FLEETS[line] ?? [];
    if (pattern.length === 0) {
      throw new Error(`demo integration scenario: no silo fleet line for vehicle "${reference}"`);
    }
    const k = seen.get(line) ?? 0;
    seen.set(line, k + 1);
    out.set(reference, pattern[k % pattern.length] ?? "");
  }
  return out;
}

/** A vehicle's tag: its silo funder and its emission class (from its kind), with its CO2 figure. */
export function demoVehicleTag(vehicle: DemoVehicle, funder: string): VehicleTag {
  return {
    funders: [funder],
    emissionClass: emissionClassOf(vehicle.kind),
    ...(vehicle.co2GramsPerKm === undefined ? {} : { co2GramsPerKm: vehicle.co2GramsPerKm }),
  };
}
