import { fileURLToPath } from "node:url";
import { describeTravelTimeContract } from "@tt/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TravelTimeError } from "./errors";
import { type FakeOsrm, startFakeOsrm } from "./fake-osrm-server";
import { createOsrmProvider } from "./osrm-provider";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const CB = { lat: 52.173741, lon: 0.139114 };
const PE = { lat: 52.583921, lon: -0.279386 };
const IP = { lat: 52.231662, lon: 0.709176 };
const OK_PATH =
  "/table/v1/driving/0.139114,52.173741;-0.279386,52.583921;0.709176,52.231662?annotations=duration,distance";
const NO_ROUTE_PATH =
  "/table/v1/driving/0.139114,52.173741;-0.279386,52.583921?annotations=duration,distance";
const INVALID_PATH =
  "/table/v1/driving/0.709176,52.231662;0.139114,52.173741?annotations=duration,distance";
const GATEWAY_PATH =
  "/table/v1/driving/0.709176,52.231662;-0.279386,52.583921?annotations=duration,distance";

let server: FakeOsrm;
beforeAll(async () => {
  server = await startFakeOsrm({
    networkFile: fixture("east-of-england-network.json"),
    maxTableSize: 100,
    recorded: {
      [OK_PATH]: [200, fixture("osrm-table-ok.json")],
      [NO_ROUTE_PATH]: [200, fixture("osrm-table-no-route.json")],
      [INVALID_PATH]: [400, fixture("osrm-invalid-query.json")],
      [GATEWAY_PATH]: [502, fixture("osrm-bad-gateway.html")],
    },
  });
});
afterAll(() => server.close());

const expectCode = async (promise: Promise<unknown>, code: string, text: RegExp) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TravelTimeError);
  expect((error as TravelTimeError).code).toBe(code);
  expect((error as TravelTimeError).message).toMatch(text);
};

describeTravelTimeContract("osrm (fixture server)", () =>
  createOsrmProvider({ baseUrl: server.baseUrl, maxTableSize: 40 }),
);

describe("osrm provider", () => {
  it("sends the documented URL and reads an OSRM table response", async () => {
    const before = server.requests.length;
    const m = await createOsrmProvider({ baseUrl: `${server.baseUrl}/` }).matrix([CB, PE, IP]);
    expect(server.requests.slice(before)).toEqual([OK_PATH]);
    expect(Array.from(m.durations)).toEqual([0, 3378, 2730, 3378, 0, 4926, 2730, 4926, 0]);
    expect(m.distances[1]).toBe(69852);
  });

  it("chunks requests to at most maxTableSize coordinates and reassembles them", async () => {
    const points = Array.from({ length: 7 }, (_, k) => [CB, PE, IP][k % 3]!);
    const before = server.requests.length;
    const m = await createOsrmProvider({ baseUrl: server.baseUrl, maxTableSize: 4 }).matrix(
      points,
      [PE, IP, CB],
    );
    const sent = server.requests.slice(before);
    expect(sent).toHaveLength(8); // 4 origin blocks of 2 × 2 destination blocks of 2
    for (const path of sent) expect(path.split("?")[0]!.split(";").length).toBeLessThanOrEqual(4);
    // origins CB PE IP CB PE IP CB; destinations PE IP CB
    expect(Array.from(m.durations.subarray(9, 12))).toEqual([3378, 2730, 0]); // origin 3 = CB
    expect(m.durations[5 * 3 + 2]).toBe(2730); // IP → CB
  });

  it("turns null cells (no route) into NaN", async () => {
    const m = await createOsrmProvider({ baseUrl: server.baseUrl }).matrix([CB, PE]);
    expect(m.durations[0]).toBe(0);
    expect(m.durations[1]).toBeNaN();
    expect(m.distances[2]).toBeNaN();
  });

  it("reports code != Ok with OSRM's code and message", async () => {
    await expectCode(
      createOsrmProvider({ baseUrl: server.baseUrl }).matrix([IP, CB]),
      "osrm-error",
      /code InvalidQuery: Query string malformed close to position 52 \(HTTP 400/,
    );
  });

  it("reports a server that refuses a table larger than its limit", async () => {
    const points = Array.from({ length: 101 }, () => CB);
    await expectCode(
      createOsrmProvider({ baseUrl: server.baseUrl, maxTableSize: 200 }).matrix(points),
      "osrm-error",
      /TooBig/,
    );
  });

  it("reports a non-JSON answer", async () => {
    await expectCode(
      createOsrmProvider({ baseUrl: server.baseUrl }).matrix([IP, PE]),
      "osrm-bad-response",
      /HTTP 502/,
    );
  });

  it("times out a server that does not answer", async () => {
    const silent = await startFakeOsrm({
      networkFile: fixture("east-of-england-network.json"),
      hang: true,
    });
    try {
      const provider = createOsrmProvider({ baseUrl: silent.baseUrl, timeoutMs: 150 });
      await expectCode(provider.matrix([CB, PE]), "osrm-timeout", /timed out after 150 ms/);
    } finally {
      await silent.close();
    }
  });

  it("reports an unreachable server", async () => {
    const gone = await startFakeOsrm({ networkFile: fixture("east-of-england-network.json") });
    await gone.close();
    await expectCode(
      createOsrmProvider({ baseUrl: gone.baseUrl }).matrix([CB, PE]),
      "osrm-error",
      /failed/,
    );
  });

  it("rejects bad configuration", () => {
    expect(() => createOsrmProvider({ baseUrl: "localhost:5000" })).toThrow(/http/);
    expect(() => createOsrmProvider({ baseUrl: "http://x", maxTableSize: 1 })).toThrow(
      /maxTableSize/,
    );
  });
});
