import { PROBLEM_VERSION, type Problem, type Request, type Vehicle, type Window } from "./problem";

export interface ValidationIssue {
  /** JSON path of the offending field, e.g. "requests[3].pickup.window". */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult =
  | { readonly ok: true; readonly problem: Problem }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** Checks a parsed JSON value against the `Problem` contract and lists every issue found. */
export function validateProblem(input: unknown): ValidationResult {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (typeof input !== "object" || input === null) {
    return { ok: false, issues: [{ path: "", message: "expected an object" }] };
  }
  const p = input as Problem;
  if (p.version !== PROBLEM_VERSION) add("version", `expected ${PROBLEM_VERSION}`);
  if (!["cost", "vehicles-then-distance", "distance"].includes(p.objective)) {
    add("objective", 'expected "cost", "vehicles-then-distance" or "distance"');
  }
  if (!Array.isArray(p.dimensions) || p.dimensions.length === 0) {
    add("dimensions", "expected a non-empty array of dimension names");
  }
  if (!Array.isArray(p.locations)) add("locations", "expected an array");
  if (!Array.isArray(p.requests)) add("requests", "expected an array");
  if (!Array.isArray(p.vehicles)) add("vehicles", "expected an array");
  if (issues.length > 0) return { ok: false, issues };
  checkMatrices(p, add);
  const dims = p.dimensions.length;
  const nLoc = p.locations.length;
  const ids = new Set<string>();
  p.requests.forEach((r, i) => {
    if (ids.has(r.id)) add(`requests[${i}].id`, `duplicate request id "${r.id}"`);
    ids.add(r.id);
    checkRequest(r, `requests[${i}]`, dims, nLoc, add);
  });
  p.requests.forEach((r, i) => {
    if (r.linkedRequest !== undefined && !ids.has(r.linkedRequest)) {
      add(`requests[${i}].linkedRequest`, `unknown request "${r.linkedRequest}"`);
    }
    for (const other of r.incompatibleWith ?? []) {
      if (!ids.has(other)) add(`requests[${i}].incompatibleWith`, `unknown request "${other}"`);
    }
  });
  const vids = new Set<string>();
  p.vehicles.forEach((v, i) => {
    if (vids.has(v.id)) add(`vehicles[${i}].id`, `duplicate vehicle id "${v.id}"`);
    vids.add(v.id);
    checkVehicle(v, `vehicles[${i}]`, dims, nLoc, add);
  });
  return issues.length === 0 ? { ok: true, problem: p } : { ok: false, issues };
}

/** Like `validateProblem` but throws an Error listing every issue. */
export function assertValidProblem(input: unknown): Problem {
  const result = validateProblem(input);
  if (result.ok) return result.problem;
  const lines = result.issues.slice(0, 20).map((i) => `${i.path}: ${i.message}`);
  throw new Error(`invalid problem (${result.issues.length} issues):\n${lines.join("\n")}`);
}

type Add = (path: string, message: string) => void;

function checkMatrices(p: Problem, add: Add): void {
  const n = p.locations.length;
  for (const key of ["time", "distance"] as const) {
    const m = p.matrices?.[key];
    if (!Array.isArray(m) || m.length !== n) {
      add(`matrices.${key}`, `expected ${n} rows (one per location)`);
      continue;
    }
    m.forEach((row, a) => {
      if (!Array.isArray(row) || row.length !== n) {
        add(`matrices.${key}[${a}]`, `expected ${n} entries`);
      } else if (!row.every((x) => isNum(x) && x >= 0)) {
        add(`matrices.${key}[${a}]`, "expected finite non-negative numbers");
      }
    });
  }
}

function checkWindow(w: Window | undefined, path: string, add: Add): void {
  if (!Array.isArray(w) || w.length !== 2 || !isNum(w[0]) || !isNum(w[1])) {
    add(path, "expected [earliest, latest]");
  } else if (w[0] > w[1]) {
    add(path, `earliest ${w[0]} is after latest ${w[1]}`);
  }
}

function checkRequest(r: Request, path: string, dims: number, nLoc: number, add: Add): void {
  if (typeof r.id !== "string" || r.id === "") add(`${path}.id`, "expected a non-empty string");
  for (const side of ["pickup", "dropoff"] as const) {
    const s = r[side];
    if (typeof s !== "object" || s === null) {
      add(`${path}.${side}`, "expected an object");
      continue;
    }
    if (!Number.isInteger(s.location) || s.location < 0 || s.location >= nLoc) {
      add(`${path}.${side}.location`, `expected a location index in [0, ${nLoc})`);
    }
    if (!isNum(s.service) || s.service < 0) add(`${path}.${side}.service`, "expected >= 0");
    checkWindow(s.window, `${path}.${side}.window`, add);
  }
  if (
    !Array.isArray(r.load) ||
    r.load.length !== dims ||
    !r.load.every((x) => isNum(x) && x >= 0)
  ) {
    add(`${path}.load`, `expected ${dims} non-negative numbers`);
  }
  if (r.penalty !== undefined && (!isNum(r.penalty) || r.penalty < 0)) {
    add(`${path}.penalty`, "expected a non-negative number");
  }
  const m = r.maxRideTime;
  if (m !== undefined) {
    for (const k of ["absolute", "factor", "constant"] as const) {
      if (m[k] !== undefined && !isNum(m[k])) add(`${path}.maxRideTime.${k}`, "expected a number");
    }
  }
}

function checkVehicle(v: Vehicle, path: string, dims: number, nLoc: number, add: Add): void {
  if (typeof v.id !== "string" || v.id === "") add(`${path}.id`, "expected a non-empty string");
  for (const k of ["start", "end"] as const) {
    if (!Number.isInteger(v[k]) || v[k] < 0 || v[k] >= nLoc) {
      add(`${path}.${k}`, `expected a location index in [0, ${nLoc})`);
    }
  }
  checkWindow(v.shift, `${path}.shift`, add);
  if (!Array.isArray(v.layouts) || v.layouts.length === 0) {
    add(`${path}.layouts`, "expected at least one capacity layout");
  } else {
    v.layouts.forEach((l, i) => {
      if (!Array.isArray(l) || l.length !== dims || !l.every((x) => isNum(x) && x >= 0)) {
        add(`${path}.layouts[${i}]`, `expected ${dims} non-negative numbers`);
      }
    });
  }
  const c = v.costs;
  if (!c || !isNum(c.fixed) || !isNum(c.perDistance) || !isNum(c.perHour)) {
    add(`${path}.costs`, "expected { fixed, perDistance, perHour } numbers");
  }
  if (c?.perTrip !== undefined && (!isNum(c.perTrip) || c.perTrip < 0)) {
    add(`${path}.costs.perTrip`, "expected a non-negative number");
  }
  if (v.maxDuration !== undefined && (!isNum(v.maxDuration) || v.maxDuration < 0)) {
    add(`${path}.maxDuration`, "expected a non-negative number");
  }
  (v.breaks ?? []).forEach((b, i) => {
    if (!isNum(b.duration) || b.duration < 0) add(`${path}.breaks[${i}].duration`, "expected >= 0");
    if (b.window !== undefined) checkWindow(b.window, `${path}.breaks[${i}].window`, add);
    if (b.window === undefined && b.maxDrivingBefore === undefined) {
      add(`${path}.breaks[${i}]`, "expected a window and/or maxDrivingBefore");
    }
  });
}
