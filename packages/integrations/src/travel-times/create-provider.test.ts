import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTravelTimeProvider, type TravelTimeProviderConfig } from "./create-provider";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe("createTravelTimeProvider", () => {
  it("builds each kind of provider", async () => {
    expect((await createTravelTimeProvider({ kind: "geometric" })).name).toBe("geometric");
    const none = await createTravelTimeProvider({ kind: "geometric", urbanRuralPointsPath: null });
    expect(none.name).toBe("geometric");
    const file = await createTravelTimeProvider({
      kind: "matrix-file",
      path: fixture("east-of-england-network.json"),
    });
    expect(file.name).toBe("matrix-file");
    const osrm = await createTravelTimeProvider({ kind: "osrm", baseUrl: "http://127.0.0.1:5000" });
    expect(osrm.name).toBe("osrm");
  });

  it("fails fast on a missing file or an unknown kind", async () => {
    await expect(
      createTravelTimeProvider({ kind: "matrix-file", path: fixture("nope.json") }),
    ).rejects.toMatchObject({
      code: "invalid-matrix-file",
      message: expect.stringContaining("nope.json"),
    });
    await expect(
      createTravelTimeProvider({ kind: "geometric", urbanRuralPointsPath: fixture("none.csv") }),
    ).rejects.toMatchObject({
      code: "invalid-urban-rural-file",
      message: expect.stringContaining("none.csv"),
    });
    const bogus = { kind: "valhalla" } as unknown as TravelTimeProviderConfig;
    await expect(createTravelTimeProvider(bogus)).rejects.toThrow(
      /unknown travel-time provider kind "valhalla"/,
    );
  });
});
