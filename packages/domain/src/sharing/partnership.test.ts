import { describe, expect, it } from "vitest";
import { DEFAULT_MIXING_POLICY } from "../funding/mixing-policies";
import { getPartnershipMixingPolicy, partnershipInputSchema } from "./partnership";

const county = "7d1a9c8e-3f1b-4c1e-9a53-1b2c3d4e5f60";
const icb = "0b6e2f4a-8c7d-4e5f-a1b2-c3d4e5f6a7b8";
const city = "5c4b3a29-1807-4f6e-8d5c-4b3a29180706";

const issues = (input: unknown) =>
  partnershipInputSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("partnership input", () => {
  it("takes the default mixing policy until the partnership sets one", () => {
    const partnership = partnershipInputSchema.parse({ name: " C&P ", members: [county, icb] });
    expect(partnership).toEqual({
      name: "C&P",
      members: [county, icb],
      mixingPolicy: DEFAULT_MIXING_POLICY.version,
    });
    expect(getPartnershipMixingPolicy(partnership)).toBe(DEFAULT_MIXING_POLICY);
  });

  it("needs at least two members", () => {
    expect(issues({ name: "Alone", members: [county] })).toEqual([
      ["members", "a partnership needs at least 2 member organisations"],
    ]);
  });

  it("names a member listed twice", () => {
    expect(issues({ name: "C&P", members: [county, icb, city, icb] })).toEqual([
      ["members.3", `members lists "${icb}" more than once`],
    ]);
  });

  it("refuses an unknown mixing policy version", () => {
    expect(issues({ name: "C&P", members: [county, icb], mixingPolicy: "1999-1" })).toEqual([
      ["mixingPolicy", 'expected the version of a known mixing policy, e.g. "2026-1"'],
    ]);
    expect(() => getPartnershipMixingPolicy({ mixingPolicy: "1999-1" })).toThrow(/1999-1/);
  });
});
