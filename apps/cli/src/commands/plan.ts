import {
  AppError,
  type DayPlanInput,
  type DayPlanResult,
  type Job,
  readDayPlanResult,
} from "@tt/app";
import { isIsoDate } from "@tt/domain";
import { type Command, EXIT, parseFlags, UsageError } from "../command";
import { openServices } from "../database";
import { cliActor } from "./import";

const USAGE = `
Usage: tt plan --organisation ID_OR_NAME --date YYYY-MM-DD [--time-limit S] [--seed N]
               [--iterations N] [--publish] [--as EMAIL]

Plans the organisation's trip requests for one day on the vehicles in its register and stores
the plan (the same job as POST /api/plans). Prints a summary and the plan id.
  --organisation  the organisation's id or name
  --date          the service date
  --time-limit    seconds the planning engine may search (default 30, at most 600)
  --iterations    stop after N iterations instead: same seed and N give the same plan
  --seed          random seed (default 1)
  --publish       publish the plan as the day's operating plan (the booking desk books into it)
  --as            the email of the user to act as (default: the organisation's first admin)
Travel times: TT_TRAVEL_TIMES (default: the calibrated geometric model). Rules: docs/planning.md.
Exit codes: 0 planned, 2 usage error, 3 invalid input, 1 other errors.
`;

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,10}$/.test(text))
    throw new UsageError(`--${name} must be a whole number, not "${text}"`);
  return Number(text);
}

/** The printed summary: requests, assigned, unassigned by reason, vehicles, cost, distance. */
export function describePlan({ planId, summary }: DayPlanResult): string[] {
  const reasons = Object.entries(summary.unassignedByReason)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(", ");
  const { cost } = summary;
  return [
    `Day plan for ${summary.date}: ${summary.requests} trip requests, ${summary.assigned} assigned, ${summary.unassigned} unassigned${reasons ? ` (${reasons})` : ""}.`,
    `Vehicles: ${summary.vehiclesUsed} used of ${summary.vehiclesAvailable}. Cost £${cost.total.toFixed(2)} ` +
      `(fixed £${cost.fixed.toFixed(2)}, distance £${cost.distance.toFixed(2)}, time £${cost.time.toFixed(2)}); ${summary.distanceKm} km.`,
    `Solved in ${summary.seconds} s on the ${summary.thread} (${summary.solverIterations} iterations, seed ${summary.seed}).` +
      (summary.fallback ? ` Fallback: ${summary.fallback}.` : ""),
    ...poolLines(summary.pool),
    ...(summary.issueCount > 0
      ? [`${summary.issueCount} mapping issues (see the plan's summary.issues).`]
      : []),
    `Plan id: ${planId}`,
  ];
}

/** A partnership's plan: whose days it pooled, under which agreements, and who was left out. */
function poolLines(pool: DayPlanResult["summary"]["pool"]): string[] {
  if (!pool) return [];
  const members = pool.members.map((m) => `${m.organisation} (${m.agreement})`).join(", ");
  const leftOut = pool.leftOut.map((m) => `${m.organisation}: ${m.reason}`);
  return [
    `Pooled the days of ${members}.`,
    ...(leftOut.length > 0 ? [`Left out: ${leftOut.join("; ")}.`] : []),
  ];
}

function failure(job: Job): AppError {
  return new AppError(
    "internal",
    job.error?.message ?? `the plan could not be made: it is ${job.status}`,
  );
}

/** The flags as a day-plan request, or a usage error naming the flag. */
function parsePlanFlags(argv: string[]): {
  organisation: string;
  as?: string;
  publish: boolean;
  input: DayPlanInput;
} {
  const { values, positionals } = parseFlags(argv, {
    organisation: { type: "string" },
    date: { type: "string" },
    "time-limit": { type: "string" },
    iterations: { type: "string" },
    seed: { type: "string" },
    publish: { type: "boolean" },
    as: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.organisation) throw new UsageError("give --organisation ID_OR_NAME");
  if (!values.date || !isIsoDate(values.date)) throw new UsageError("give --date YYYY-MM-DD");
  const timeLimitSeconds = wholeNumber("time-limit", values["time-limit"]);
  const iterations = wholeNumber("iterations", values.iterations);
  const seed = wholeNumber("seed", values.seed);
  return {
    organisation: values.organisation,
    ...(values.as ? { as: values.as } : {}),
    publish: values.publish === true,
    input: {
      date: values.date,
      ...(timeLimitSeconds === undefined ? {} : { timeLimitSeconds }),
      ...(iterations === undefined ? {} : { iterations }),
      ...(seed === undefined ? {} : { seed }),
    },
  };
}

export const planCommand: Command = {
  name: "plan",
  usage: USAGE,
  async run(argv) {
    const flags = parsePlanFlags(argv);
    const { services, close } = await openServices();
    try {
      const actor = await cliActor(services.unitOfWork, flags.organisation, flags.as, "cli plan");
      const planning = services.planning;
      const { jobId } = await planning.startDayPlan(actor, flags.input);
      process.stdout.write(`Planning ${flags.input.date} (job ${jobId})…\n`);
      await planning.settled(jobId);
      const job = await planning.getJob(actor, jobId);
      if (job.status !== "succeeded") throw failure(job);
      const result = readDayPlanResult(job);
      process.stdout.write(`${describePlan(result).join("\n")}\n`);
      if (flags.publish) {
        await services.publication.publish(actor, result.planId);
        process.stdout.write(`Published as the operating plan of ${flags.input.date}.\n`);
      }
      return EXIT.ok;
    } finally {
      await close();
    }
  },
};
