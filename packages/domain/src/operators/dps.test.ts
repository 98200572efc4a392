import { describe, expect, it } from "vitest";
import {
  DPS_APPLICATION_STATUSES,
  dpsApplicationInputSchema,
  dpsDecisionInputSchema,
  findDpsMoveRefusal,
  isOpenApplication,
} from "./dps";

const BUYER = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";

describe("the dynamic purchasing system", () => {
  it("takes an application to named categories, once each", () => {
    const ok = { buyerId: BUYER, categories: ["taxi", "wheelchair-accessible"] };
    expect(dpsApplicationInputSchema.safeParse(ok).success).toBe(true);
    const paths = (input: unknown) => {
      const parsed = dpsApplicationInputSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
    };
    expect(paths({ ...ok, categories: [] })).toEqual(["categories"]);
    expect(paths({ ...ok, categories: ["taxi", "taxi"] })).toEqual(["categories"]);
    expect(paths({ ...ok, categories: ["hovercraft"] })).toEqual(["categories.0"]);
    expect(paths({ categories: ["taxi"], buyerId: "x" })).toEqual(["buyerId"]);
  });

  it("needs a reason to refuse or suspend, not to admit", () => {
    expect(dpsDecisionInputSchema.safeParse({ status: "admitted" }).success).toBe(true);
    for (const status of ["refused", "suspended"]) {
      const parsed = dpsDecisionInputSchema.safeParse({ status });
      expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."))).toEqual([
        "reason",
      ]);
      expect(dpsDecisionInputSchema.safeParse({ status, reason: "insurance lapsed" }).success).toBe(
        true,
      );
    }
    expect(dpsDecisionInputSchema.safeParse({ status: "withdrawn" }).success).toBe(false);
  });

  it("moves an application only along its life", () => {
    const allowed = DPS_APPLICATION_STATUSES.flatMap((from) =>
      DPS_APPLICATION_STATUSES.filter((to) => !findDpsMoveRefusal(from, to)).map(
        (to) => `${from}>${to}`,
      ),
    );
    expect(allowed).toEqual([
      "applied>admitted",
      "applied>refused",
      "applied>withdrawn",
      "admitted>suspended",
      "admitted>withdrawn",
      "suspended>admitted",
      "suspended>withdrawn",
    ]);
    expect(findDpsMoveRefusal("refused", "admitted")).toBe(
      "an application refused cannot become admitted",
    );
    expect(DPS_APPLICATION_STATUSES.filter(isOpenApplication)).toEqual([
      "applied",
      "admitted",
      "suspended",
    ]);
  });
});
