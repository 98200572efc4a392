import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describeTravelTimeContract } from "@tt/testkit";
import { describe, expect, it } from "vitest";
import { TravelTimeError } from "./errors";
import { parseMatrixCsv, parseMatrixJson } from "./matrix-file";
import {
  createMatrixFileProvider,
  loadMatrixFile,
  loadMatrixFileProvider,
} from "./matrix-file-provider";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const network = parseMatrixJson(
  JSON.parse(readFileSync(fixture("east-of-england-network.json"), "utf8")),
);
const CB = { lat: 52.173741, lon: 0.139114 };
const PE = { lat: 52.583921, lon: -0.279386 };

describeTravelTimeContract("matrix-file (JSON)", () => createMatrixFileProvider(network));
describeTravelTimeContract("matrix-file (CSV)", () =>
  loadMatrixFileProvider(fixture("east-of-england-network.csv")),
);

const errorOf = (fn: () => unknown): TravelTimeError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TravelTimeError) return e;
    throw e;
  }
  throw new Error("expected a TravelTimeError");
};

describe("matrix-file provider", () => {
  it("reads the JSON and CSV forms of the same matrix identically", async () => {
    const csv = await loadMatrixFile(fixture("east-of-england-network.csv"));
    expect(csv.origins).toEqual(network.origins);
    expect(Array.from(csv.durations)).toEqual(Array.from(network.durations));
    expect(Array.from(csv.distances)).toEqual(Array.from(network.distances));
  });

  it("matches points by id before coordinates, and coordinates within the tolerance", async () => {
    const provider = createMatrixFileProvider(network);
    const byId = await provider.matrix([{ id: "PE39GZ", lat: 0, lon: 0 } as typeof CB], [CB]);
    expect(byId.durations[0]).toBe(3378);
    const nearby = await provider.matrix([{ lat: CB.lat + 0.000009, lon: CB.lon }], [PE]); // ≈ 1 m
    expect(nearby.durations[0]).toBe(3378);
  });

  it("names the missing point in its error", async () => {
    const provider = createMatrixFileProvider(network, { source: "east.json" });
    const far = { lat: CB.lat + 0.0001, lon: CB.lon }; // ≈ 11 m away
    await expect(provider.matrix([CB], [PE, far])).rejects.toThrow(
      /east\.json has no destination matching destination 1 at \(52\.173841, 0\.139114\)/,
    );
    await expect(
      provider.matrix([{ id: "NOPE", lat: 1, lon: 1 } as typeof CB]),
    ).rejects.toMatchObject({
      code: "point-not-found",
      message: expect.stringContaining('id "NOPE"'),
    });
  });

  it("supports rectangular files and null (no route) cells", async () => {
    const data = parseMatrixJson({
      format: "tt-travel-matrix",
      version: 1,
      origins: [{ id: "a", ...CB }],
      destinations: [
        { id: "b", ...PE },
        { id: "c", lat: 52.2, lon: 0.7 },
      ],
      durations: [[60, null]],
      distances: [[1000, null]],
    });
    const m = await createMatrixFileProvider(data).matrix([CB], [PE, { lat: 52.2, lon: 0.7 }]);
    expect(m.durations[0]).toBe(60);
    expect(m.durations[1]).toBeNaN();
    await expect(createMatrixFileProvider(data).matrix([PE], [PE])).rejects.toThrow(/no origin/);
  });

  it("rejects malformed JSON files with the field at fault", () => {
    const base = { format: "tt-travel-matrix", version: 1, points: network.origins.slice(0, 2) };
    expect(errorOf(() => parseMatrixJson({ ...base, version: 2 })).message).toMatch(/version/);
    const ragged = {
      ...base,
      durations: [[0, 1], [1]],
      distances: [
        [0, 1],
        [1, 0],
      ],
    };
    expect(errorOf(() => parseMatrixJson(ragged)).message).toMatch(
      /durations\[1\] must have 2 values/,
    );
    const negative = {
      ...base,
      durations: [
        [0, -1],
        [1, 0],
      ],
      distances: [
        [0, 1],
        [1, 0],
      ],
    };
    expect(errorOf(() => parseMatrixJson(negative)).message).toMatch(/durations\[0\]\[1\]/);
  });

  it("rejects CSV files with a missing pair or a bad number", () => {
    const header = "from_id,from_lat,from_lon,to_id,to_lat,to_lon,duration_s,distance_m";
    const oneWay = `${header}\na,52,0,b,52.1,0,60,100\nb,52.1,0,a,52,0,60,100\nb,52.1,0,c,52.2,0,60,100\n`;
    expect(errorOf(() => parseMatrixCsv(oneWay)).message).toMatch(/missing pair from "a" to "c"/);
    const bad = `${header}\na,52,0,b,52.1,0,sixty,100\n`;
    expect(errorOf(() => parseMatrixCsv(bad)).message).toMatch(/row 2 duration_s/);
  });

  it("rejects a file that is not JSON", async () => {
    await expect(loadMatrixFile(fixture("osrm-bad-gateway.html"))).rejects.toMatchObject({
      code: "invalid-matrix-file",
    });
  });
});
