import { describe, expect, it } from "vitest";
import {
  crewFieldsOf,
  crewOf,
  lapsedText,
  namesOf,
  readCrew,
  type StaffRecord,
  staffChoices,
} from "./crew-words";

const person = (over: Partial<StaffRecord>): StaffRecord => ({
  id: "s1",
  organisationId: "o1",
  reference: "D-001",
  name: "Sam Driver",
  role: "driver",
  volunteer: false,
  dbsExpiry: "2027-06-30",
  licenceExpiry: "2028-01-31",
  shifts: [],
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  ...over,
});

const SAM = person({});
const ALI = person({ id: "s2", reference: "D-000", name: "Ali Lapsed", dbsExpiry: "2026-11-01" });
const PAT = person({
  id: "s3",
  reference: "A-001",
  name: "Pat Assistant",
  role: "passenger-assistant",
  licenceExpiry: undefined,
});
const STAFF = new Map([SAM, ALI, PAT].map((p) => [p.id, p]));

describe("the crew rota's words", () => {
  it("offers the drivers by reference, naming a lapsed check the API would refuse", () => {
    expect(staffChoices([SAM, ALI, PAT], "driver", "2026-11-24")).toEqual([
      { value: "s2", text: "D-000 Ali Lapsed (DBS check lapsed)" },
      { value: "s1", text: "D-001 Sam Driver" },
    ]);
    expect(lapsedText(PAT, "2026-11-24")).toBe("");
    expect(lapsedText(person({ licenceExpiry: undefined }), "2026-11-24")).toBe(
      "driving licence lapsed",
    );
  });

  it("reads a vehicle's crew from the rota: the driver apart from the assistants", () => {
    const rota = {
      items: [
        { serviceDate: "2026-11-24", vehicleId: "v1", staffId: "s3" },
        { serviceDate: "2026-11-24", vehicleId: "v1", staffId: "s1" },
        { serviceDate: "2026-11-24", vehicleId: "v2", staffId: "s2" },
      ],
    };
    expect(crewOf(rota, "v1", STAFF)).toEqual({ driver: "s1", assistants: ["s3"] });
    expect(crewOf(rota, "v3", STAFF)).toEqual({ driver: "", assistants: [] });
    expect(namesOf(["s1", "s3"], STAFF)).toBe("D-001 Sam Driver, A-001 Pat Assistant");
    expect(namesOf([], STAFF)).toBe("None");
  });

  it("sends the people chosen in order, and refuses one person in two places", () => {
    expect(readCrew(["s1", "", "s3"])).toEqual({ ok: true, staffIds: ["s1", "s3"] });
    expect(readCrew(["", "", ""])).toEqual({ ok: true, staffIds: [] });
    expect(readCrew(["s3", "s3", ""])).toEqual({
      ok: false,
      problems: [
        {
          text: "Choose a different person: one person cannot fill two places",
          href: "#crew-assistant-1",
        },
      ],
    });
  });

  it("links the API's staffIds.N to the Nth field filled", () => {
    expect(crewFieldsOf(["", "s3", "s4"])).toEqual({
      staffIds: "crew-driver",
      "staffIds.0": "crew-assistant-1",
      "staffIds.1": "crew-assistant-2",
    });
  });
});
