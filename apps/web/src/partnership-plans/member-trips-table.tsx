import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import type { MemberPlan } from "../api";
import { DataTable } from "../components/data-table";
import { TablePagination } from "../components/pagination";
import { useSortedTable } from "../components/use-sorted-table";
import { clock, pounds } from "../planning/format";

export type MemberTrip = MemberPlan["trips"][number];

/** Trips a page of the table shows. */
export const TRIPS_PAGE_SIZE = 50;

/**
 * Your trips' columns: times and cost sort as numbers and show as the planning pages show them;
 * the reference column only when the API names the trips (`references`).
 */
export function memberTripColumns(references: boolean): ColumnDef<MemberTrip, never>[] {
  const helper = createColumnHelper<MemberTrip>();
  const reference = helper.accessor((trip) => trip.reference ?? "Not shown", {
    id: "reference",
    header: "Trip request",
    sortingFn: "alphanumeric",
  });
  const rest = [
    helper.accessor((trip) => trip.vehicleReference ?? "Not known", {
      id: "vehicle",
      header: "Vehicle",
      sortingFn: "alphanumeric",
    }),
    helper.accessor((trip) => trip.pickup, {
      id: "pickup",
      header: "Pick-up",
      cell: (cell) => clock(cell.getValue()),
    }),
    helper.accessor((trip) => trip.dropoff, {
      id: "dropoff",
      header: "Drop-off",
      cell: (cell) => clock(cell.getValue()),
    }),
    helper.accessor((trip) => trip.cost, {
      id: "cost",
      header: "Cost",
      meta: { numeric: true },
      cell: (cell) => pounds(cell.getValue()),
    }),
  ];
  return references ? [reference, ...rest] : rest;
}

/** Your trips in one plan, in the API's order until a column is chosen, 50 a page. */
export function MemberTripsTable({
  trips,
  references,
}: {
  trips: readonly MemberTrip[];
  references: boolean;
}) {
  const columns = useMemo(() => memberTripColumns(references), [references]);
  const data = useMemo(() => [...trips], [trips]);
  const table = useSortedTable({
    data,
    columns,
    rowId: (trip) => trip.tripRequestId,
    pageSize: TRIPS_PAGE_SIZE,
  });
  return (
    <>
      <DataTable
        table={table}
        caption="Your trips in this plan"
        captionClassName="govuk-table__caption govuk-table__caption--s"
        testId="member-trips"
      />
      <TablePagination table={table} />
    </>
  );
}
