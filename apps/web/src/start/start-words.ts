import type { AgreementViewBody, DriverDayView, PlanHeaderView } from "@tt/contract";

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** The agreements that end or fall due for review within `within` days, soonest first. */
export function expiringAgreements(
  agreements: readonly AgreementViewBody[],
  today: string,
  within = 60,
): { reference: string; what: "review" | "end"; date: string; days: number }[] {
  return agreements
    .filter((a) => a.agreement.status === "active" || a.agreement.status === "draft")
    .flatMap((a) => {
      const review = {
        reference: a.agreement.reference,
        what: "review" as const,
        date: a.agreement.reviewDate,
      };
      const end = {
        reference: a.agreement.reference,
        what: "end" as const,
        date: a.agreement.endDate,
      };
      const due = [review, end].find((d) => {
        const days = daysBetween(today, d.date);
        return days >= 0 && days <= within;
      });
      return due ? [{ ...due, days: daysBetween(today, due.date) }] : [];
    })
    .sort((a, b) => a.days - b.days);
}

/** Monday to Sunday of the week holding `date`. */
export function weekOf(date: string): string[] {
  const day = new Date(`${date}T12:00:00Z`);
  const monday = Date.parse(`${date}T12:00:00Z`) - ((day.getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: 7 }, (_, i) =>
    new Date(monday + i * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The day's operating plan among a list of plans, if any. */
export const publishedOf = (plans: readonly PlanHeaderView[]) =>
  plans.find((p) => p.status === "published");

/** The driver's next stop not yet marked: when, where and which vehicle. */
export function nextStop(day: DriverDayView) {
  for (const run of day.runs) {
    const stop = run.stops.find((s) => s.kind !== "break" && !s.progress?.outcome);
    if (stop) return { vehicle: run.vehicle.reference, stop };
  }
  return undefined;
}

/** Pence as pounds, to the pound: "£12,345". */
export function pounds(amount: number): string {
  return `£${Math.round(amount).toLocaleString("en-GB")}`;
}
