import { describe, expect, it } from "vitest";
import { serviceOf, vehicleFunders } from "./register-scenario";

describe("a register's day as an integration scenario", () => {
  it("names the service of a trip by its purpose, post-16 on a SEND budget apart", () => {
    expect(serviceOf("school", "home-to-school")).toBe("mainstream-school");
    expect(serviceOf("hospital-appointment", "nhs")).toBe("nepts-outpatient");
    expect(serviceOf("post-16", "post-16")).toBe("post-16");
    expect(serviceOf("post-16", "send")).toBe("send-post-16");
    expect(serviceOf("demand-responsive", undefined)).toBe("drt");
  });

  it("gives a vehicle to the funders of the longest matching prefix, else to every funder", () => {
    const analysed = ["f-icb", "f-send", "f-school"];
    const fleet = { "CCC-": ["f-school"], "CCC-MB": ["f-send"], "LPT-": ["f-icb", "f-gone"] };
    expect(vehicleFunders({ reference: "CCC-MB-3" }, analysed, fleet)).toEqual(["f-send"]);
    expect(vehicleFunders({ reference: "CCC-C53-1" }, analysed, fleet)).toEqual(["f-school"]);
    expect(vehicleFunders({ reference: "LPT-A-1" }, analysed, fleet)).toEqual(["f-icb"]);
    expect(vehicleFunders({ reference: "RT-T-1" }, analysed, fleet)).toEqual(analysed);
    expect(vehicleFunders({ reference: "CCC-MB-3" }, analysed)).toEqual(analysed);
    expect(vehicleFunders({ reference: "X-1" }, analysed, { "X-": ["f-gone"] })).toEqual(analysed);
  });
});
