import {
  type ColumnDef,
  type ColumnFiltersState,
  createColumnHelper,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import type { PlanView } from "@tt/contract";
import { useMemo, useState } from "react";
import { DataTable } from "../components/data-table";
import { Link } from "../components/link";
import { TablePagination } from "../components/pagination";
import { clock, kilometres, pounds, runColour } from "./format";

type Run = PlanView["runs"][number];

/** A run with its vehicle's name and its place in the plan (which gives its colour). */
export interface RunRow {
  readonly run: Run;
  readonly vehicle: string;
  readonly number: number;
}

/** The table's rows: names are part of the row, so that they change when the names arrive. */
export function runRows(runs: readonly Run[], vehicleName: (id: string) => string): RunRow[] {
  return runs.map((run, number) => ({ run, vehicle: vehicleName(run.vehicleId), number }));
}

/** Runs a page of the table shows. */
export const RUNS_PAGE_SIZE = 20;

/**
 * The runs' columns: times, stops, distance and cost sort as numbers, shown formatted. A link to
 * each run's manifest unless `manifests` is false (a partnership's pooled plan has none).
 */
export function runColumns(planId: string, manifests = true): ColumnDef<RunRow, never>[] {
  const helper = createColumnHelper<RunRow>();
  const columns = [
    helper.accessor((row) => row.vehicle, {
      id: "vehicle",
      header: "Vehicle",
      sortingFn: "alphanumeric",
      filterFn: "includesString",
    }),
    helper.display({
      id: "colour",
      header: "Colour",
      cell: ({ row }) => (
        <>
          <span className="app-swatch" style={{ background: runColour(row.original.number) }} />
          <span className="govuk-visually-hidden">run {row.original.number + 1}</span>
        </>
      ),
    }),
    helper.accessor(({ run }) => run.stops[0]?.start ?? 0, {
      id: "from",
      header: "From",
      cell: (cell) => clock(cell.getValue()),
    }),
    helper.accessor(({ run }) => run.stops.at(-1)?.departure ?? 0, {
      id: "to",
      header: "To",
      cell: (cell) => clock(cell.getValue()),
    }),
    helper.accessor(({ run }) => run.stops.length, {
      id: "stops",
      header: "Stops",
      meta: { numeric: true },
    }),
    helper.accessor(({ run }) => run.distanceMetres, {
      id: "distance",
      header: "Distance",
      meta: { numeric: true },
      cell: (cell) => kilometres(cell.getValue()),
    }),
    helper.accessor(({ run }) => run.costPence, {
      id: "cost",
      header: "Cost",
      meta: { numeric: true },
      cell: (cell) => pounds(cell.getValue() / 100),
    }),
  ];
  if (!manifests) return columns;
  return [
    ...columns,
    helper.display({
      id: "manifest",
      header: "Manifest",
      cell: ({ row }) => (
        <Link
          to="/planning/plans/$planId/runs/$runId"
          params={{ planId, runId: row.original.run.id }}
        >
          Manifest
          <span className="govuk-visually-hidden"> for {row.original.vehicle}</span>
        </Link>
      ),
    }),
  ];
}

/**
 * The plan's runs: found by vehicle, sorted by any column but colour, 20 a page. A partnership's
 * pooled plan links to no manifests: its members share passengers with it without names.
 */
export function RunsTable({
  plan,
  vehicleName,
}: {
  plan: PlanView;
  vehicleName: (id: string) => string;
}) {
  const pooled = plan.summary.pool !== undefined;
  const columns = useMemo(() => runColumns(plan.id, !pooled), [plan.id, pooled]);
  const data = useMemo(() => runRows(plan.runs, vehicleName), [plan.runs, vehicleName]);
  const [sorting, setSorting] = useState<SortingState>([]);
  // State of its own (not a new array at each render), so that the table does not page again.
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([]);
  const table = useReactTable({
    data,
    columns,
    getRowId: (row) => row.run.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    enableSortingRemoval: false,
    sortDescFirst: false,
    initialState: { pagination: { pageIndex: 0, pageSize: RUNS_PAGE_SIZE } },
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
  });
  const vehicle = table.getColumn("vehicle");
  return (
    <section aria-labelledby="runs-heading">
      <h2 className="govuk-heading-m" id="runs-heading">
        Runs
      </h2>
      {pooled && (
        <p className="govuk-body" data-testid="pooled-manifests">
          A pooled run's manifest is printed by the member or operator whose driver runs it.
        </p>
      )}
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="runs-vehicle">
          Vehicle
        </label>
        <div className="govuk-hint" id="runs-vehicle-hint">
          Show only the runs of vehicles whose name contains this
        </div>
        <input
          className="govuk-input govuk-input--width-20"
          id="runs-vehicle"
          type="search"
          maxLength={100}
          aria-describedby="runs-vehicle-hint"
          value={String(vehicle?.getFilterValue() ?? "")}
          onChange={(event) => vehicle?.setFilterValue(event.target.value || undefined)}
        />
      </div>
      <DataTable
        table={table}
        caption="Runs"
        captionClassName="govuk-table__caption govuk-visually-hidden"
        testId="runs-table"
      />
      <TablePagination table={table} />
    </section>
  );
}
