import type { Location, Problem, Request } from "@tt/solver";
import type { LatLon, ProblemAdditions, ProblemPoints, TravelTimeProvider } from "../../ports";
import { AppError } from "../../shared";
import { NO_ROUTE_MINUTES } from "../locations";

/** Rows of the matrices for one added location: to and from every location before it and itself. */
interface AddedRows {
  /** time.from[j]: from the added location to location j, minutes; distance in km. */
  readonly fromTime: Float64Array;
  readonly fromDistance: Float64Array;
  /** time.to[j]: from location j to the added location. */
  readonly toTime: Float64Array;
  readonly toDistance: Float64Array;
}

/** Locations added since the plan was made, with their points and rows. */
interface AddedLocations {
  readonly locations: readonly Location[];
  readonly points: readonly LatLon[];
  readonly rows: readonly AddedRows[];
}

const NONE: AddedLocations = { locations: [], points: [], rows: [] };

/** Points closer than about a metre are one location (as the day plan's `LocationIndex` keys them). */
export const pointKey = (p: LatLon) => `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`;

/**
 * The Problem a live plan answers to: the Problem its plan kept, and what bookings have added
 * since (trip requests and the locations they brought). The kept Problem is shared, never copied:
 * travel times between locations are read through `time` and `distance`, so a booking on a county
 * day costs the rows of its new addresses, not a copy of the matrices.
 */
export class LiveProblem {
  private requestById: Map<string, Request> | undefined;
  private indexByPoint: Map<string, number> | undefined;
  private composed: Problem | undefined;

  private constructor(
    readonly base: Problem,
    /** Where each of the kept Problem's locations is; absent for plans kept before bookings. */
    readonly at: ProblemPoints | undefined,
    private readonly added: AddedLocations,
    /** Trip requests booked since the plan was made, oldest first. */
    readonly booked: readonly Request[],
    /** Requests taken out since (trips cancelled for the day). */
    private readonly withdrawn: ReadonlySet<string> = new Set(),
  ) {}

  /** The kept Problem alone (a plan no booking has changed). */
  static of(base: Problem, at: ProblemPoints | undefined): LiveProblem {
    return new LiveProblem(base, at, NONE, []);
  }

  /** The kept Problem with what revisions added, oldest first (their rows asked of `travelTimes`). */
  static async withAdditions(
    base: Problem,
    at: ProblemPoints | undefined,
    additions: readonly ProblemAdditions[],
    travelTimes: TravelTimeProvider,
  ): Promise<LiveProblem> {
    let live = LiveProblem.of(base, at);
    for (const addition of additions) {
      // By position, as they were added: the stored requests name these indices.
      for (const [i, point] of addition.points.entries()) {
        const location = addition.locations[i] ?? { id: `point:${pointKey(point)}` };
        live = await live.addLocation(point, location, travelTimes);
      }
      live = live
        .withRequests(addition.requests)
        .without(addition.withdrawn ?? [])
        .withoutVehicles(addition.withdrawnVehicles ?? []);
    }
    return live;
  }

  get locationCount(): number {
    return this.base.locations.length + this.added.locations.length;
  }

  /** Every request: those the plan was made with, then those booked since. */
  get requests(): readonly Request[] {
    const all =
      this.booked.length === 0 ? this.base.requests : [...this.base.requests, ...this.booked];
    return this.withdrawn.size === 0 ? all : all.filter((r) => !this.withdrawn.has(r.id));
  }

  request(id: string): Request | undefined {
    this.requestById ??= new Map(this.requests.map((r) => [r.id, r]));
    return this.requestById.get(id);
  }

  /** Minutes from location `a` to location `b`. */
  time(a: number, b: number): number {
    return this.cell(a, b, "time");
  }

  /** Kilometres from location `a` to location `b`. */
  distance(a: number, b: number): number {
    return this.cell(a, b, "distance");
  }

  /** The matrices among these locations, in their order (a run's Problem's). */
  between(locations: readonly number[]): { time: number[][]; distance: number[][] } {
    const n = this.base.locations.length;
    const { time: baseTime, distance: baseDistance } = this.base.matrices;
    const time: number[][] = [];
    const distance: number[][] = [];
    for (const a of locations) {
      const timeRow = a < n ? baseTime[a] : undefined;
      const distanceRow = a < n ? baseDistance[a] : undefined;
      const t: number[] = new Array(locations.length);
      const d: number[] = new Array(locations.length);
      for (let k = 0; k < locations.length; k++) {
        const b = locations[k] ?? 0;
        const base = timeRow && distanceRow && b < n;
        t[k] = base ? (timeRow[b] ?? NO_ROUTE_MINUTES) : this.cell(a, b, "time");
        d[k] = base ? (distanceRow[b] ?? NO_ROUTE_MINUTES) : this.cell(a, b, "distance");
      }
      time.push(t);
      distance.push(d);
    }
    return { time, distance };
  }

  private cell(a: number, b: number, what: "time" | "distance"): number {
    const n = this.base.locations.length;
    if (a < n && b < n) return this.base.matrices[what][a]?.[b] ?? NO_ROUTE_MINUTES;
    if (a >= b) {
      const rows = this.added.rows[a - n];
      return (what === "time" ? rows?.fromTime : rows?.fromDistance)?.[b] ?? NO_ROUTE_MINUTES;
    }
    const rows = this.added.rows[b - n];
    return (what === "time" ? rows?.toTime : rows?.toDistance)?.[a] ?? NO_ROUTE_MINUTES;
  }

  /** The same Problem with these requests booked into it (their locations already known). */
  withRequests(requests: readonly Request[]): LiveProblem {
    for (const r of requests) {
      for (const at of [r.pickup.location, r.dropoff.location]) {
        if (!(Number.isInteger(at) && at >= 0 && at < this.locationCount)) {
          throw new Error(`a booked request ${r.id} names location ${at}, which the Problem lacks`);
        }
      }
    }
    const booked = [...this.booked, ...requests];
    return new LiveProblem(this.base, this.at, this.added, booked, this.withdrawn);
  }

  /** The same Problem without these requests (trips cancelled for the day). */
  without(ids: readonly string[]): LiveProblem {
    if (ids.length === 0) return this;
    const withdrawn = new Set([...this.withdrawn, ...ids]);
    return new LiveProblem(this.base, this.at, this.added, this.booked, withdrawn);
  }

  /** The same Problem without these vehicles (a contract handed back): no run may use them. */
  withoutVehicles(ids: readonly string[]): LiveProblem {
    const gone = new Set(ids);
    if (!this.base.vehicles.some((v) => gone.has(v.id))) return this;
    const base = { ...this.base, vehicles: this.base.vehicles.filter((v) => !gone.has(v.id)) };
    return new LiveProblem(base, this.at, this.added, this.booked, this.withdrawn);
  }

  /** The same Problem with these requests in place of theirs of the same id (windows narrowed). */
  withReplaced(requests: readonly Request[]): LiveProblem {
    const by = new Map(requests.map((r) => [r.id, r]));
    const swap = (r: Request) => by.get(r.id) ?? r;
    const base = { ...this.base, requests: this.base.requests.map(swap) };
    return new LiveProblem(base, this.at, this.added, this.booked.map(swap), this.withdrawn);
  }

  /**
   * The location index of each point: a location the Problem has at that point, or a new one
   * (named by `named`) whose rows are asked of `travelTimes`. Answers the Problem with the new
   * locations, their indices, and what was added (to be kept with the revision).
   */
  async locate(
    points: readonly LatLon[],
    named: readonly Location[],
    travelTimes: TravelTimeProvider,
  ): Promise<{ live: LiveProblem; indices: number[]; added: Omit<ProblemAdditions, "requests"> }> {
    let live: LiveProblem = this;
    const indices: number[] = [];
    const locations: Location[] = [];
    const newPoints: LatLon[] = [];
    for (const [i, point] of points.entries()) {
      const found = live.indexOf(point) ?? live.indexOfId(named[i]?.id);
      if (found !== undefined) {
        indices.push(found);
        continue;
      }
      const location = named[i] ?? { id: `point:${pointKey(point)}` };
      live = await live.addLocation(point, location, travelTimes);
      indices.push(live.locationCount - 1);
      locations.push(location);
      newPoints.push(point);
    }
    return { live, indices, added: { locations, points: newPoints } };
  }

  /** The index of the location at this point, if the Problem has one. */
  indexOf(point: LatLon): number | undefined {
    if (!this.indexByPoint) {
      const all = [...(this.at?.points ?? []), ...this.added.points];
      const offset = this.at ? 0 : this.base.locations.length;
      this.indexByPoint = new Map();
      for (const [i, p] of all.entries()) {
        if (!this.indexByPoint.has(pointKey(p))) this.indexByPoint.set(pointKey(p), i + offset);
      }
    }
    return this.indexByPoint.get(pointKey(point));
  }

  /**
   * A plan kept without its points matches a location by id (`home:…`, `place:…`) instead: the
   * best it can do; a new address cannot be added to it at all.
   */
  private indexOfId(id: string | undefined): number | undefined {
    if (this.at || id === undefined) return undefined;
    const found = this.base.locations.findIndex((l) => l.id === id);
    return found < 0 ? undefined : found;
  }

  private async addLocation(
    point: LatLon,
    location: Location,
    travelTimes: TravelTimeProvider,
  ): Promise<LiveProblem> {
    if (!this.at) throw keptWithoutPoints();
    if (this.at.travelTimes !== travelTimes.name) throw otherTravelTimes(this.at, travelTimes);
    const known = [...this.at.points, ...this.added.points, point];
    const [from, to] = await Promise.all([
      travelTimes.matrix([point], known),
      travelTimes.matrix(known, [point]),
    ]);
    const rows: AddedRows = {
      fromTime: minutes(from.durations),
      fromDistance: kilometres(from.distances),
      toTime: minutes(to.durations),
      toDistance: kilometres(to.distances),
    };
    const added: AddedLocations = {
      locations: [...this.added.locations, location],
      points: [...this.added.points, point],
      rows: [...this.added.rows, rows],
    };
    return new LiveProblem(this.base, this.at, added, this.booked, this.withdrawn);
  }

  /**
   * The whole Problem, matrices and all (for `evaluate()` of the whole plan). The kept Problem
   * itself when nothing was booked; otherwise its matrices are copied once with the added rows.
   */
  whole(): Problem {
    const unchanged = this.booked.length === 0 && this.withdrawn.size === 0;
    if (unchanged && this.added.locations.length === 0) return this.base;
    this.composed ??= this.compose();
    return this.composed;
  }

  private compose(): Problem {
    const count = this.locationCount;
    const square = (what: "time" | "distance") =>
      Array.from({ length: count }, (_, a) =>
        Array.from({ length: count }, (_, b) => this.cell(a, b, what)),
      );
    return {
      ...this.base,
      locations: [...this.base.locations, ...this.added.locations],
      matrices: { time: square("time"), distance: square("distance") },
      requests: this.requests,
    };
  }
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Seconds as minutes (hundredths), as the day plan's matrices hold them; no route, far away. */
function minutes(seconds: Float64Array): Float64Array {
  return seconds.map((s) => (Number.isNaN(s) ? NO_ROUTE_MINUTES : round(s / 60, 2)));
}

function kilometres(metres: Float64Array): Float64Array {
  return metres.map((m) => (Number.isNaN(m) ? NO_ROUTE_MINUTES : round(m / 1000, 3)));
}

function keptWithoutPoints(): AppError {
  return new AppError(
    "conflict",
    "This plan was kept without the points of its locations (plans made before bookings), so a new address cannot be added to it: plan the day again.",
    [{ path: "trip", message: "a new address for a plan kept without its points" }],
  );
}

function otherTravelTimes(at: ProblemPoints, travelTimes: TravelTimeProvider): AppError {
  return new AppError(
    "conflict",
    `The plan was made with the ${at.travelTimes} travel times and the server now uses ${travelTimes.name}, so a new address cannot be added to it: plan the day again.`,
    [{ path: "trip", message: "a new address under other travel times" }],
  );
}
