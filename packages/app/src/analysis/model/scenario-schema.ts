import { type DomainIssue, EMISSION_CLASSES, isIsoDate } from "@tt/domain";
import { type Problem, validateProblem } from "@tt/solver";
import { z } from "zod";
import { AppError, toIssues } from "../../shared";
import { parseMixingPolicy } from "./mixing-policy";
import type { IntegrationScenario, MixingPolicy } from "./types";

const text = z.string().trim().min(1);
const emissionClasses = EMISSION_CLASSES as readonly string[];

/** The shape of a scenario file; cross-references are checked by `parseIntegrationScenario`. */
export const integrationScenarioSchema = z.object({
  name: text,
  date: z.string().refine(isIsoDate, { message: 'expected a date "YYYY-MM-DD" that exists' }),
  funders: z
    .array(z.object({ key: text, name: text, organisation: text }))
    .min(1, { message: "name at least one funder" }),
  problem: z.unknown(),
  requests: z.record(z.string(), z.object({ funder: text, service: text })),
  vehicles: z.record(
    z.string(),
    z.object({
      funders: z.array(text),
      emissionClass: z.string().refine((c) => emissionClasses.includes(c), {
        message: `expected one of ${emissionClasses.join(", ")}`,
      }),
      co2GramsPerKm: z.number().min(0).optional(),
    }),
  ),
  mixing: z.unknown(),
  positions: z
    .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
    .optional(),
});

/**
 * An untrusted scenario (e.g. a scenario.json file) checked in full: its shape, the Problem (by
 * the engine's own validator), every request and vehicle tagged with known funders, and the
 * mixing policy (`mixing` overrides the file's). Throws `validation-failed` listing every problem
 * with the field's path, e.g. `requests.r12.funder`.
 */
export function parseIntegrationScenario(input: unknown, mixing?: unknown): IntegrationScenario {
  const shape = integrationScenarioSchema.safeParse(input);
  if (!shape.success) fail(toIssues(shape.error));
  const data = shape.data;
  const checked = validateProblem(data.problem);
  if (!checked.ok) fail(checked.issues.map((i) => ({ ...i, path: `problem.${i.path}` })));
  const problem = checked.problem;
  const issues = crossReferences({ ...data, problem });
  if (issues.length > 0) fail(issues);
  const services = [...new Set(Object.values(data.requests).map((t) => t.service))];
  const policy = parsePolicy(mixing ?? data.mixing, services, mixing === undefined);
  return { ...data, problem, mixing: policy };
}

function parsePolicy(input: unknown, services: string[], inScenario: boolean): MixingPolicy {
  try {
    return parseMixingPolicy(input, services);
  } catch (error) {
    if (!(error instanceof AppError) || !inScenario) throw error;
    fail(error.details.map((i) => ({ ...i, path: `mixing.${i.path}` })));
  }
}

function fail(issues: readonly DomainIssue[]): never {
  throw new AppError("validation-failed", "The integration scenario is not valid.", issues);
}

interface Tagged {
  readonly funders: readonly { readonly key: string }[];
  readonly problem: Problem;
  readonly requests: Readonly<Record<string, { readonly funder: string }>>;
  readonly vehicles: Readonly<Record<string, { readonly funders: readonly string[] }>>;
  readonly positions?: readonly unknown[] | undefined;
}

/** Every request and vehicle tagged, with funders the scenario names; one position per location. */
function crossReferences(s: Tagged): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const funders = new Set(s.funders.map((f) => f.key));
  const known = [...funders].join(", ");
  s.problem.requests.forEach((r, i) => {
    const tag = s.requests[r.id];
    if (!tag)
      issues.push({
        path: `problem.requests.${i}`,
        message: `request "${r.id}" has no tag in requests`,
      });
    else if (!funders.has(tag.funder))
      issues.push({
        path: `requests.${r.id}.funder`,
        message: `unknown funder "${tag.funder}"; expected one of ${known}`,
      });
  });
  s.problem.vehicles.forEach((v, i) => {
    const tag = s.vehicles[v.id];
    if (!tag)
      issues.push({
        path: `problem.vehicles.${i}`,
        message: `vehicle "${v.id}" has no tag in vehicles`,
      });
    for (const f of tag?.funders ?? [])
      if (!funders.has(f))
        issues.push({
          path: `vehicles.${v.id}.funders`,
          message: `unknown funder "${f}"; expected one of ${known}`,
        });
  });
  if (s.positions && s.positions.length !== s.problem.locations.length)
    issues.push({
      path: "positions",
      message: `expected one position per location (${s.problem.locations.length}), got ${s.positions.length}`,
    });
  return issues;
}
