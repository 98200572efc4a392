import type { CompletedJourney } from "./completed-journeys";
import { isOnTime } from "./completed-journeys";

/** A group's figures: how many journeys, and how they went. */
export interface JourneyFigures {
  readonly key: string;
  readonly journeys: number;
  readonly completed: number;
  /** Journeys with a pick-up time recorded on the day. */
  readonly timed: number;
  readonly onTime: number;
  /** On time of those timed, 0 to 1; null when none was timed. */
  readonly onTimeRate: number | null;
  readonly noShows: number;
  readonly cancelled: number;
  /** Rides longer than their rule's limit. */
  readonly overRideLimit: number;
}

export interface FiguresReport {
  readonly from: string;
  readonly to: string;
  readonly total: JourneyFigures;
  readonly byService: readonly JourneyFigures[];
  readonly byOperator: readonly JourneyFigures[];
  /** No-shows by reason; the rate is of journeys with an outcome marked. */
  readonly noShows: {
    readonly byReason: Readonly<Record<string, number>>;
    readonly rate: number | null;
  };
  /** Non-emergency patient transport: appointments missed (no-show or cancelled), by reason. */
  readonly nepts: {
    readonly journeys: number;
    readonly missed: number;
    readonly missedByReason: Readonly<Record<string, number>>;
  };
}

const rate = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

function figuresOf(key: string, journeys: readonly CompletedJourney[]): JourneyFigures {
  const timed = journeys.filter((j) => j.minutesLate !== null);
  const onTime = timed.filter(isOnTime).length;
  return {
    key,
    journeys: journeys.length,
    completed: journeys.filter((j) => j.outcome === "completed").length,
    timed: timed.length,
    onTime,
    onTimeRate: rate(onTime, timed.length),
    noShows: journeys.filter((j) => j.outcome === "no-show").length,
    cancelled: journeys.filter((j) => j.outcome === "cancelled").length,
    overRideLimit: journeys.filter(
      (j) => j.rideMinutes !== null && j.rideMinutes > j.maxRideMinutes,
    ).length,
  };
}

function grouped(
  journeys: readonly CompletedJourney[],
  keyOf: (j: CompletedJourney) => string,
): JourneyFigures[] {
  const groups = new Map<string, CompletedJourney[]>();
  for (const j of journeys) groups.set(keyOf(j), [...(groups.get(keyOf(j)) ?? []), j]);
  return [...groups]
    .map(([key, list]) => figuresOf(key, list))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function countBy(journeys: readonly CompletedJourney[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const j of journeys) out[j.reason ?? "none"] = (out[j.reason ?? "none"] ?? 0) + 1;
  return out;
}

/**
 * The period's figures: on-time rates per service and per operator (cancelled trips count only
 * under the service), rides over their limit, no-shows by reason, and NEPTS missed appointments.
 */
export function journeyFigures(
  from: string,
  to: string,
  journeys: readonly CompletedJourney[],
): FiguresReport {
  const noShows = journeys.filter((j) => j.outcome === "no-show");
  const marked = journeys.filter((j) => j.outcome !== "not-recorded" && j.outcome !== "cancelled");
  const nepts = journeys.filter((j) => j.service.startsWith("nepts"));
  const missed = nepts.filter((j) => j.outcome === "no-show" || j.outcome === "cancelled");
  return {
    from,
    to,
    total: figuresOf("all", journeys),
    byService: grouped(journeys, (j) => j.service),
    byOperator: grouped(
      journeys.filter((j) => j.outcome !== "cancelled"),
      (j) => j.operator,
    ),
    noShows: { byReason: countBy(noShows), rate: rate(noShows.length, marked.length) },
    nepts: { journeys: nepts.length, missed: missed.length, missedByReason: countBy(missed) },
  };
}
