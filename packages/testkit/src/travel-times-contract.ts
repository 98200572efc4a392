import type { LatLon, TravelMatrix, TravelTimeProvider } from "@tt/app";
import { describe, expect, it } from "vitest";

/**
 * The points every travel-time adapter must answer for in the contract suite: eight acute stroke
 * units in the East of England (positions from the SAMueL stroke unit list, MIT licence). Adapters
 * backed by fixtures (matrix file, recorded OSRM responses) must hold all 8 × 8 pairs.
 */
export const TRAVEL_TIME_CONTRACT_POINTS: readonly (LatLon & { readonly id: string })[] = [
  { id: "CB20QQ", lat: 52.173741, lon: 0.139114 }, // Addenbrooke's, Cambridge
  { id: "PE39GZ", lat: 52.583921, lon: -0.279386 }, // Peterborough City
  { id: "PE304ET", lat: 52.756772, lon: 0.446984 }, // Queen Elizabeth, King's Lynn
  { id: "IP332QZ", lat: 52.231662, lon: 0.709176 }, // West Suffolk, Bury St Edmunds
  { id: "MK429DJ", lat: 52.128265, lon: -0.472495 }, // Bedford
  { id: "SG14AB", lat: 51.924611, lon: -0.212726 }, // Lister, Stevenage
  { id: "NR47UY", lat: 52.618086, lon: 1.221067 }, // Norfolk and Norwich
  { id: "LU40DZ", lat: 51.895405, lon: -0.476044 }, // Luton and Dunstable
];

export interface TravelTimeContractOptions {
  /** Points for the main checks; default {@link TRAVEL_TIME_CONTRACT_POINTS} (at least 4). */
  readonly points?: readonly LatLon[];
  /** Input for the large-ish check; default the contract points repeated to 240 entries. */
  readonly largeInput?: readonly LatLon[];
  /** Allowed |t(i,j) − t(j,i)| as a share of the larger; `null` skips the check. Default 0.25. */
  readonly symmetryTolerance?: number | null;
  /** t(i,k) may exceed t(i,j) + t(j,k) by this factor (plus 1 s). Default 1.05. */
  readonly triangleSlack?: number;
}

const cell = (m: TravelMatrix, field: "durations" | "distances", i: number, j: number): number =>
  m[field][i * m.destinations + j] ?? Number.NaN;

function expectShape(m: TravelMatrix, rows: number, cols: number): void {
  expect(m.origins).toBe(rows);
  expect(m.destinations).toBe(cols);
  expect(m.durations).toBeInstanceOf(Float64Array);
  expect(m.distances).toBeInstanceOf(Float64Array);
  expect(m.durations.length).toBe(rows * cols);
  expect(m.distances.length).toBe(rows * cols);
}

function expectFiniteNonNegative(m: TravelMatrix): void {
  for (const field of ["durations", "distances"] as const) {
    const bad = m[field].findIndex((v) => !(Number.isFinite(v) && v >= 0));
    expect(bad, `${field}[${bad}] = ${m[field][bad]}`).toBe(-1);
  }
}

/** Cyclic repetition of `points` up to `size` entries (copies, so nothing is shared). */
function repeatTo(points: readonly LatLon[], size: number): LatLon[] {
  return Array.from({ length: size }, (_, k) => ({ ...points[k % points.length]! }));
}

interface ContractContext {
  readonly points: readonly LatLon[];
  readonly n: number;
  readonly make: () => Promise<TravelTimeProvider>;
  readonly square: () => Promise<TravelMatrix>;
  readonly options: TravelTimeContractOptions;
}

/**
 * Runs the travel-time port contract against one adapter. `makeProvider` is called once per test
 * and may be async (e.g. to start a fixture server); the suite never mutates its inputs.
 */
export function describeTravelTimeContract(
  name: string,
  makeProvider: () => TravelTimeProvider | Promise<TravelTimeProvider>,
  options: TravelTimeContractOptions = {},
): void {
  const points = options.points ?? TRAVEL_TIME_CONTRACT_POINTS;
  const make = async () => makeProvider();
  const ctx: ContractContext = {
    points,
    n: points.length,
    make,
    square: async () => (await make()).matrix(points),
    options,
  };
  describe(`TravelTimeProvider contract: ${name}`, () => {
    shapeTests(ctx);
    valueTests(ctx);
    inputTests(ctx);
  });
}

function shapeTests({ points, n, make, square }: ContractContext): void {
  it("has a short stable name", async () => {
    expect((await make()).name).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it("answers a square matrix when destinations are omitted", async () => {
    const m = await square();
    expectShape(m, n, n);
    expectFiniteNonNegative(m);
  });

  it("answers a rectangular matrix that agrees with the square one", async () => {
    const provider = await make();
    const full = await provider.matrix(points);
    const rows = points.slice(0, 3);
    const cols = points.slice(1);
    const m = await provider.matrix(rows, cols);
    expectShape(m, rows.length, cols.length);
    for (let i = 0; i < rows.length; i++) {
      for (let j = 0; j < cols.length; j++) {
        expect(cell(m, "durations", i, j)).toBeCloseTo(cell(full, "durations", i, j + 1), 6);
        expect(cell(m, "distances", i, j)).toBeCloseTo(cell(full, "distances", i, j + 1), 6);
      }
    }
  });

  it("answers empty inputs with empty matrices", async () => {
    const provider = await make();
    expectShape(await provider.matrix([]), 0, 0);
    expectShape(await provider.matrix([], points), 0, n);
    expectShape(await provider.matrix(points, []), n, 0);
  });
}

function valueTests({ n, square, options }: ContractContext): void {
  const symmetry = options.symmetryTolerance === undefined ? 0.25 : options.symmetryTolerance;
  const slack = options.triangleSlack ?? 1.05;

  it("has a zero diagonal and positive times between distinct points", async () => {
    const m = await square();
    for (let i = 0; i < n; i++) {
      expect(cell(m, "durations", i, i)).toBe(0);
      expect(cell(m, "distances", i, i)).toBe(0);
      for (let j = 0; j < n; j++)
        if (i !== j) expect(cell(m, "durations", i, j)).toBeGreaterThan(0);
    }
  });

  it.skipIf(symmetry === null)("is roughly symmetric", async () => {
    const m = await square();
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = cell(m, "durations", i, j);
        const b = cell(m, "durations", j, i);
        const allowed = (symmetry ?? 0) * Math.max(a, b);
        expect(Math.abs(a - b), `${i}->${j} ${a}s vs ${b}s`).toBeLessThanOrEqual(allowed);
      }
    }
  });

  it("passes a triangle sanity check", async () => {
    const m = await square();
    const t = (i: number, j: number) => cell(m, "durations", i, j);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        for (let k = 0; k < n; k++) {
          expect(t(i, k), `${i}->${k} via ${j}`).toBeLessThanOrEqual(
            slack * (t(i, j) + t(j, k)) + 1,
          );
        }
      }
    }
  });
}

function inputTests({ points, n, make, square, options }: ContractContext): void {
  it("does not mutate its inputs", async () => {
    const origins = points.map((p) => Object.freeze({ ...p }));
    const destinations = Object.freeze(points.slice(1).map((p) => Object.freeze({ ...p })));
    const before = JSON.stringify([origins, destinations]);
    const provider = await make();
    await provider.matrix(Object.freeze(origins));
    await provider.matrix(origins, destinations);
    expect(JSON.stringify([origins, destinations])).toBe(before);
  });

  it("gives zero between repeated copies of the same point", async () => {
    const twice = [points[0]!, { ...points[0]! }, points[1]!];
    const m = await (await make()).matrix(twice);
    expect(cell(m, "durations", 0, 1)).toBe(0);
    expect(cell(m, "durations", 1, 0)).toBe(0);
    expect(cell(m, "durations", 0, 2)).toBe(cell(m, "durations", 1, 2));
  });

  it("answers a large-ish input consistently", async () => {
    const large = options.largeInput ?? repeatTo(points, 240);
    const m = await (await make()).matrix(large);
    expectShape(m, large.length, large.length);
    expectFiniteNonNegative(m);
    if (options.largeInput === undefined) {
      const small = await square();
      const mismatches: string[] = [];
      for (let i = 0; i < large.length; i++) {
        for (let j = 0; j < large.length; j++) {
          const want = cell(small, "durations", i % n, j % n);
          if (Math.abs(cell(m, "durations", i, j) - want) > 1e-6) mismatches.push(`${i}->${j}`);
        }
      }
      expect(
        mismatches.slice(0, 5),
        `${mismatches.length} cells differ from the small matrix`,
      ).toEqual([]);
    }
  });
}
