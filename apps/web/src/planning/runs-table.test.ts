import {
  type ColumnFiltersState,
  createTable,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
} from "@tanstack/react-table";
import type { PlanView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { runColumns, runRows } from "./runs-table";

type Run = PlanView["runs"][number];

/** A run with just what the table reads: stops' times, distance and cost. */
function run(id: string, vehicleId: string, start: number, costPence: number): Run {
  const stop = { start, departure: start + 30 };
  return { id, vehicleId, distanceMetres: costPence * 10, costPence, stops: [stop] } as Run;
}

const RUNS = [
  run("a", "v9", 480, 12_000),
  run("b", "v10", 420, 9_500),
  run("c", "v2", 600, 110_000),
];
const NAMES: Record<string, string> = { v9: "MB-9", v10: "MB-10", v2: "Taxi 2" };

/** The table the page draws, headless: its rows' run ids in the order shown. */
function shown(sorting: SortingState, columnFilters: ColumnFiltersState = []): string[] {
  const table = createTable({
    data: runRows(RUNS, (id) => NAMES[id] ?? id),
    columns: runColumns("plan-1"),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    onStateChange: () => undefined,
    renderFallbackValue: null,
    sortDescFirst: false,
    state: {},
  });
  table.setOptions((options) => ({
    ...options,
    state: { ...table.initialState, sorting, columnFilters },
  }));
  return table.getRowModel().rows.map((row) => row.original.run.id);
}

describe("a plan's runs table", () => {
  it("keeps the plan's order until a column is chosen", () => {
    expect(shown([])).toEqual(["a", "b", "c"]);
  });

  it("sorts cost and start times as numbers, not as text", () => {
    expect(shown([{ id: "cost", desc: false }])).toEqual(["b", "a", "c"]);
    expect(shown([{ id: "from", desc: true }])).toEqual(["c", "a", "b"]);
  });

  it("sorts vehicle names with their numbers in order (MB-9 before MB-10)", () => {
    expect(shown([{ id: "vehicle", desc: false }])).toEqual(["a", "b", "c"]);
  });

  it("finds runs by part of the vehicle's name, in any case", () => {
    expect(shown([], [{ id: "vehicle", value: "mb" }])).toEqual(["a", "b"]);
    expect(shown([], [{ id: "vehicle", value: "lorry" }])).toEqual([]);
  });

  it("links each run to its manifest, except in a partnership's pooled plan", () => {
    const ids = (manifests?: boolean) => runColumns("plan-1", manifests).map((c) => c.id);
    expect(ids()).toContain("manifest");
    expect(ids(false)).not.toContain("manifest");
    expect(ids(false)).toEqual(ids().filter((id) => id !== "manifest"));
  });

  it("keeps each run's number (its colour) whatever the order", () => {
    const rows = runRows(RUNS, (id) => NAMES[id] ?? id);
    expect(rows.map((r) => [r.vehicle, r.number])).toEqual([
      ["MB-9", 0],
      ["MB-10", 1],
      ["Taxi 2", 2],
    ]);
  });
});
