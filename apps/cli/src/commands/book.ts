import { type Actor, AppError } from "@tt/app";
import {
  presentBooked,
  presentBookingOptions,
  presentCancelled,
  type ServerServices,
} from "@tt/server";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";
import { readDocument } from "./assess";
import { cliActor } from "./import";

const USAGE = `
Usage: tt book options BOOKING.json --organisation ID_OR_NAME [--every-run] [--as EMAIL]
       tt book confirm BOOKING.json --vehicle ID [--told HH:MM-HH:MM] --organisation ID_OR_NAME
                       [--as EMAIL]
       tt book cancel --trip ID_OR_REFERENCE --date YYYY-MM-DD --reason CODE
                      --organisation ID_OR_NAME [--as EMAIL]

The booking desk on the day's operating plan (the same as POST /api/bookings/options,
POST /api/bookings and POST /api/trip-requests/{id}/cancel), printing the answer as JSON.
  options   the entitlement check and up to three places for the trip in BOOKING.json
            (date, passengerId, funderId, purpose, origin, destination, timing, time,
            windowMinutes, and repeat: { weekdays, until, termCalendarId } for a repeating trip)
  confirm   books the trip on --vehicle (one of the options) as the plan's next revision; with
            --told (the pick-up window told with the option), on another vehicle whose pick-up
            falls in it if the chosen one's room has gone
  cancel    cancels the trip for --date with a --reason code from the versioned list
            (passenger-unwell, passenger-request, appointment-cancelled-by-hospital,
            school-closed, no-longer-entitled, weather, transport-unavailable, booked-in-error)
  --every-run     try every run, not only the nearest
  --organisation  the organisation's id or name
  --as            the email of the user to act as (default: the organisation's first admin)
Rules: docs/booking-desk.md. Exit codes: 0 done, 2 usage error, 3 invalid input (every problem
listed by field), 1 refused (no operating plan, not entitled, the vehicle has no room) or other errors.
`;

const FLAGS = {
  organisation: { type: "string" },
  as: { type: "string" },
  vehicle: { type: "string" },
  told: { type: "string" },
  "every-run": { type: "boolean" },
  trip: { type: "string" },
  date: { type: "string" },
  reason: { type: "string" },
} as const;

type Flags = ReturnType<typeof parseFlags<typeof FLAGS>>["values"];
type Action = (
  services: ServerServices,
  actor: Actor,
  flags: Flags,
  file?: string,
) => Promise<unknown>;

/** The trip's id: given, or found by its reference in the organisation's register. */
async function tripIdOf(services: ServerServices, actor: Actor, trip: string): Promise<string> {
  const repos = services.unitOfWork.repositories;
  const found = await repos.tripRequests.findByReference(actor.organisationId, trip);
  if (found) return found.id;
  if (/^[0-9a-f-]{36}$/i.test(trip)) return trip;
  throw new AppError("not-found", `No trip request has the reference ${trip}.`);
}

const ACTIONS: Readonly<Record<string, Action>> = {
  async options(services, actor, flags, file) {
    const body = await readDocument(need(file, "BOOKING.json"));
    const found = await services.bookings.options(actor, body, flags["every-run"] === true);
    return presentBookingOptions(found);
  },
  async confirm(services, actor, flags, file) {
    const body = await readDocument(need(file, "BOOKING.json"));
    const vehicle = need(flags.vehicle, "--vehicle ID");
    const told = typeof flags.told === "string" ? flags.told.split("-") : undefined;
    const booked = await services.bookings.book(actor, body, vehicle, told);
    return presentBooked(booked);
  },
  async cancel(services, actor, flags) {
    const id = await tripIdOf(services, actor, need(flags.trip, "--trip ID_OR_REFERENCE"));
    const body = {
      date: need(flags.date, "--date YYYY-MM-DD"),
      reason: need(flags.reason, "--reason CODE"),
    };
    return presentCancelled(await services.cancellations.cancel(actor, id, body));
  },
};

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === "") throw new UsageError(`give ${what}`);
  return value;
}

export const bookCommand: Command = {
  name: "book",
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, FLAGS);
    const [verb, file, extra] = positionals;
    const action = verb === undefined ? undefined : ACTIONS[verb];
    if (!action) throw new UsageError("name what to do: options, confirm or cancel");
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const organisation = need(values.organisation, "--organisation ID_OR_NAME");
    const { services, close } = await openServices();
    try {
      const actor = await cliActor(
        services.unitOfWork,
        organisation,
        values.as,
        `cli book ${verb}`,
      );
      const answer = await action(services, actor, values, file);
      process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
