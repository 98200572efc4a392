import {
  createTable,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
} from "@tanstack/react-table";
import { describe, expect, it } from "vitest";
import { type MemberTrip, memberTripColumns } from "./member-trips-table";

const trip = (id: string, vehicle: string | null, pickup: number, cost: number): MemberTrip => ({
  tripRequestId: id,
  reference: `REF-${id}`,
  vehicleReference: vehicle,
  pickup,
  dropoff: pickup + 45,
  cost,
});

const TRIPS = [trip("a", "MB-9", 480, 9.5), trip("b", "MB-10", 420, 120), trip("c", null, 600, 30)];

/** The table the page draws, headless: the trips' ids in the order shown, and the cells' text. */
function shown(sorting: SortingState, references = true) {
  const table = createTable({
    data: TRIPS,
    columns: memberTripColumns(references),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.tripRequestId,
    onStateChange: () => undefined,
    renderFallbackValue: null,
    sortDescFirst: false,
    state: {},
  });
  table.setOptions((options) => ({ ...options, state: { ...table.initialState, sorting } }));
  return table.getRowModel().rows;
}

const ids = (sorting: SortingState) => shown(sorting).map((row) => row.id);

describe("your trips' table", () => {
  it("keeps the API's order until a column is chosen", () => {
    expect(ids([])).toEqual(["a", "b", "c"]);
  });

  it("sorts cost and times as numbers, vehicles with their numbers in order", () => {
    expect(ids([{ id: "cost", desc: false }])).toEqual(["a", "c", "b"]);
    expect(ids([{ id: "pickup", desc: true }])).toEqual(["c", "a", "b"]);
    expect(ids([{ id: "vehicle", desc: false }])).toEqual(["a", "b", "c"]);
  });

  it("shows times on the 24-hour clock and costs in pounds, as the planning pages do", () => {
    const row = shown([])[0];
    const text = (id: string) => {
      const cell = row?.getAllCells().find((c) => c.column.id === id);
      const render = cell?.column.columnDef.cell;
      return typeof render === "function" ? render(cell!.getContext()) : cell?.getValue();
    };
    expect([text("pickup"), text("dropoff"), text("cost")]).toEqual(["08:00", "08:45", "£9.50"]);
    expect(shown([])[2]?.getValue("vehicle")).toBe("Not known");
  });

  it("leaves out the reference column when the API names no trip", () => {
    expect(memberTripColumns(true).map((c) => c.id)).toEqual([
      "reference",
      "vehicle",
      "pickup",
      "dropoff",
      "cost",
    ]);
    expect(memberTripColumns(false).map((c) => c.id)).toEqual([
      "vehicle",
      "pickup",
      "dropoff",
      "cost",
    ]);
  });
});
