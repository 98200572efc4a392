import type { ResourceKind } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { listQuery, readRegisterSearch } from "./register-search";
import { REGISTER_VIEWS, type RegisterView } from "./register-views";

const places: RegisterView<ResourceKind> = REGISTER_VIEWS.places;
const passengers: RegisterView<ResourceKind> = REGISTER_VIEWS.passengers;

describe("a register page's address", () => {
  it("reads the page, search, order and the view's own filters", () => {
    const raw = { page: "3", search: "Fen", sort: "name", order: "desc", kind: "school" };
    expect(readRegisterSearch(places, raw)).toEqual({
      page: 3,
      search: "Fen",
      sort: "name",
      order: "desc",
      kind: "school",
    });
  });

  it("leaves out what is absent, so that the first page's address is bare", () => {
    expect(readRegisterSearch(passengers, {})).toEqual({});
  });

  it("ignores another register's filters and an order without a column", () => {
    expect(readRegisterSearch(passengers, { kind: "school", order: "desc" })).toEqual({});
  });

  it("refuses a filter value the API does not know, naming the page", () => {
    expect(() => readRegisterSearch(places, { kind: "castle" })).toThrow(
      /"kind" on the places page must be one of .*school.*, not "castle"/,
    );
  });

  it("refuses a column the table does not have", () => {
    expect(() => readRegisterSearch(passengers, { sort: "date-of-birth" })).toThrow(
      /"sort" on the passengers page must be one of reference, name, postcode, needs/,
    );
  });

  it("turns the page into the API's offset and limit, with every filter of the view", () => {
    expect(listQuery(places, { page: 3, kind: "school" }, 25)).toEqual({
      offset: 50,
      limit: 25,
      search: "",
      kind: "school",
      schoolPhase: "",
    });
    expect(listQuery(passengers, {}, 25)).toEqual({ offset: 0, limit: 25, search: "" });
  });
});
