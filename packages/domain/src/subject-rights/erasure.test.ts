import { describe, expect, it } from "vitest";
import { erasedPassenger, erasedReference, erasureInputSchema } from "./erasure";

describe("erasure", () => {
  const id = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";

  it("names an erased passenger by their record's id only", () => {
    expect(erasedReference(id)).toBe("ERASED-0B6F1C9E3A0E");
    expect(erasedReference("1b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11")).not.toBe(erasedReference(id));
  });

  it("keeps only the centre of the 500 m square around the home", () => {
    const erased = erasedPassenger(id, { lat: 52.1912347, lon: 0.1371239 });
    expect(erased).toMatchObject({ givenName: "Erased", familyName: "passenger" });
    expect(erased.home).not.toEqual({ lat: 52.1912347, lon: 0.1371239 });
    const neighbour = erasedPassenger(id, { lat: 52.1912, lon: 0.1372 });
    expect(neighbour.home).toEqual(erased.home);
  });

  it("asks for the ground and the request's reference, never free text", () => {
    const valid = { ground: "consent-withdrawn", requestReference: "SAR-2026/114" };
    expect(erasureInputSchema.safeParse(valid).success).toBe(true);
    const named = { ...valid, requestReference: "Zebedee Quartermaine" };
    expect(erasureInputSchema.safeParse(named).success).toBe(false);
    expect(erasureInputSchema.safeParse({ ...valid, ground: "asked nicely" }).success).toBe(false);
    expect(erasureInputSchema.safeParse({ ...valid, reason: "x" }).success).toBe(false);
  });
});
