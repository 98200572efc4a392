import { expect } from "vitest";
import type { Fixture } from "./fixture";

type Json = Record<string, unknown>;

/**
 * Plans the organisation's day through the API (a few iterations, seed 1), waits for the job and
 * publishes the plan as the day's operating plan. Answers the plan's id.
 */
export async function publishDayPlan(f: Fixture, token: string, date: string): Promise<string> {
  const started = await f.call("POST", "/api/plans", {
    token,
    json: { date, iterations: 10, seed: 1 },
  });
  expect(started.status).toBe(202);
  const jobId = String(((await started.json()) as Json).jobId);
  await f.services.planning.settled(jobId);
  const job = (await (await f.call("GET", `/api/jobs/${jobId}`, { token })).json()) as Json;
  const planId = String((job.result as Json).planId);
  const published = await f.call("POST", `/api/plans/${planId}/publish`, { token });
  expect(published.status).toBe(200);
  return planId;
}

/**
 * A demand-responsive trip of the county's passenger from home to the county's place, departing
 * after 10:00 within 30 minutes, on `date`; `over` changes any field.
 */
export const countyBooking = (
  f: Fixture,
  passengerId: string,
  date: string,
  over: Json = {},
): Json => ({
  date,
  passengerId,
  funderId: f.county.rows.funders,
  purpose: "demand-responsive",
  origin: { kind: "home" },
  destination: { kind: "place", placeId: f.county.rows.places },
  timing: "depart-after",
  time: "10:00",
  windowMinutes: 30,
  ...over,
});
