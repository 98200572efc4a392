import { DEFAULT_MIXING_POLICY, SERVICES } from "@tt/domain";
import type { Problem } from "@tt/solver";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../shared";
import { plane, trip } from "../test-support/scenario-builders";
import {
  applyMixingPolicy,
  forbiddenPartners,
  mixingPolicySchema,
  parseMixingPolicy,
} from "./mixing-policy";
import type { MixingPolicy } from "./types";

const policy: MixingPolicy = {
  version: "t-1",
  rules: [
    { services: ["send-school", "drt"], reason: "pupils apart from the public" },
    { services: ["send-school", "nepts-gp"], reason: "pupils apart from patients" },
  ],
};

const problem: Problem = {
  version: 1,
  dimensions: ["seats"],
  ...plane([
    [0, 0],
    [1, 0],
  ]),
  requests: [
    trip("pupil", 0, 1, { groups: ["siblings-smith"], incompatibleGroups: ["smokers"] }),
    trip("public", 1, 0, { incompatibleWith: ["pupil"] }),
    trip("patient", 0, 1),
    trip("day", 1, 0),
  ],
  vehicles: [],
  objective: "cost",
};

const tags = {
  pupil: { funder: "council", service: "send-school" },
  public: { funder: "council", service: "drt" },
  patient: { funder: "icb", service: "nepts-gp" },
  day: { funder: "council", service: "adult-day-service" },
};

const deepFreeze = <T>(x: T): T => {
  if (x && typeof x === "object") {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
};

describe("applyMixingPolicy", () => {
  it("puts each request in its service's group and keeps it apart from the forbidden services", () => {
    const out = applyMixingPolicy(problem, tags, policy);
    const byId = Object.fromEntries(out.requests.map((r) => [r.id, r]));
    expect(byId.pupil?.groups).toEqual(["siblings-smith", "service:send-school"]);
    expect(byId.pupil?.incompatibleGroups).toEqual(["smokers", "service:drt", "service:nepts-gp"]);
    expect(byId.public?.groups).toEqual(["service:drt"]);
    expect(byId.public?.incompatibleGroups).toEqual(["service:send-school"]);
    expect(byId.public?.incompatibleWith).toEqual(["pupil"]);
    expect(byId.patient?.incompatibleGroups).toEqual(["service:send-school"]);
    expect(byId.day?.groups).toEqual(["service:adult-day-service"]);
    expect(byId.day?.incompatibleGroups).toBeUndefined();
  });

  it("returns a new problem, shares the matrices and leaves the input untouched", () => {
    const frozen = deepFreeze(structuredClone(problem));
    const before = JSON.stringify(frozen);
    const out = applyMixingPolicy(frozen, tags, policy);
    expect(JSON.stringify(frozen)).toBe(before);
    expect(out).not.toBe(frozen);
    expect(out.matrices).toBe(frozen.matrices);
    expect(out.locations).toBe(frozen.locations);
  });

  it("changes nothing when applied twice", () => {
    const once = applyMixingPolicy(problem, tags, policy);
    expect(applyMixingPolicy(once, tags, policy)).toEqual(once);
  });

  it("names a request without a tag", () => {
    const { day: _day, ...partial } = tags;
    expect(() => applyMixingPolicy(problem, partial, policy)).toThrow(/"day"/);
  });
});

describe("forbiddenPartners", () => {
  it("works both ways round", () => {
    const partners = forbiddenPartners(policy);
    expect(partners.get("send-school")).toEqual(["drt", "nepts-gp"]);
    expect(partners.get("drt")).toEqual(["send-school"]);
    expect(partners.get("adult-day-service")).toBeUndefined();
  });
});

describe("mixing policy schema", () => {
  const rule = (a: string, b: string) => ({ services: [a, b], reason: "because" });
  const messageOf = (input: unknown): string => {
    try {
      parseMixingPolicy(input);
    } catch (e) {
      expect(isAppError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error("expected the policy to be refused");
  };

  it("accepts the demo policy, whose services are all demo services", () => {
    expect(mixingPolicySchema().safeParse(DEFAULT_MIXING_POLICY).success).toBe(true);
    const named = DEFAULT_MIXING_POLICY.rules.flatMap((r) => r.services);
    for (const s of named) expect(SERVICES).toContain(s);
    for (const r of DEFAULT_MIXING_POLICY.rules) expect(r.reason.length).toBeGreaterThan(30);
  });

  it("names the rule with an unknown service", () => {
    const msg = messageOf({
      version: "x",
      rules: [rule("drt", "send-school"), rule("drt", "bus")],
    });
    expect(msg).toContain('rules[1]: unknown service "bus"');
  });

  it("refuses a service paired with itself", () => {
    expect(messageOf({ version: "x", rules: [rule("drt", "drt")] })).toContain(
      'rules[0]: pairs "drt" with itself',
    );
  });

  it("refuses a pair given twice, in either order", () => {
    const msg = messageOf({
      version: "x",
      rules: [rule("drt", "send-school"), rule("nepts-gp", "drt"), rule("send-school", "drt")],
    });
    expect(msg).toContain("rules[2]: repeats rules[0]");
    expect(msg).not.toContain("rules[1]");
  });

  it("requires a reason and a version", () => {
    const msg = messageOf({
      version: "",
      rules: [{ services: ["drt", "send-school"], reason: "" }],
    });
    expect(msg).toContain("version");
    expect(msg).toContain("rules.0.reason");
  });

  it("checks against the services given", () => {
    const schema = mixingPolicySchema(["a", "b"]);
    expect(schema.safeParse({ version: "x", rules: [rule("a", "b")] }).success).toBe(true);
    expect(schema.safeParse({ version: "x", rules: [rule("a", "drt")] }).success).toBe(false);
  });
});
