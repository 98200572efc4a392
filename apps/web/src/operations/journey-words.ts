import { CANCELLATION_REASONS, type JourneyReportView, NO_SHOW_REASONS } from "@tt/contract";

type Figures = JourneyReportView["total"];

/** A share as a percentage with one decimal, or a dash when nothing was counted. */
export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`;
}

/** A reason code in words: a no-show's or a cancellation's. */
export function reasonLabel(code: string): string {
  const noShow = Object.entries(NO_SHOW_REASONS).find(([key]) => key === code)?.[1];
  const cancelled = Object.entries(CANCELLATION_REASONS).find(([key]) => key === code)?.[1].label;
  return noShow ?? cancelled ?? code.replaceAll("-", " ");
}

/** A service's key in words ("nepts-dialysis" → "nepts dialysis"). */
export const serviceLabel = (key: string) => key.replaceAll("-", " ");

/** The cells of a figures row: journeys, completed, on time (of timed), no-shows, cancelled, over limit. */
export function figureCells(f: Figures): string[] {
  return [
    String(f.journeys),
    String(f.completed),
    `${percent(f.onTimeRate)} of ${f.timed}`,
    String(f.noShows),
    String(f.cancelled),
    String(f.overRideLimit),
  ];
}

/** Counts by reason, largest first, in words. */
export function reasonRows(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => [reasonLabel(code), n]);
}
