import { type ColumnDef, createColumnHelper } from "@tanstack/react-table";
import type { PlanView } from "@tt/contract";
import { useMemo } from "react";
import { DataTable } from "../components/data-table";
import { TablePagination } from "../components/pagination";
import { useSortedTable } from "../components/use-sorted-table";
import { reasonText } from "./format";

type Unassigned = PlanView["unassigned"][number];

/** An unassigned request with its reference, part of the row so that it changes on arrival. */
interface UnassignedRow {
  readonly request: Unassigned;
  readonly reference: string;
}

/** Unassigned requests a page of the table shows. */
export const UNASSIGNED_PAGE_SIZE = 50;

function unassignedColumns(): ColumnDef<UnassignedRow, never>[] {
  const helper = createColumnHelper<UnassignedRow>();
  return [
    helper.accessor((row) => row.reference, {
      id: "request",
      header: "Trip request",
      sortingFn: "alphanumeric",
    }),
    helper.accessor(
      ({ request: u }) => `${reasonText(u.reason)}${u.message ? ` (${u.message})` : ""}`,
      {
        id: "reason",
        header: "Reason",
      },
    ),
  ];
}

/** Every unassigned request and why, sortable by either column, 50 a page. */
export function UnassignedTable({
  plan,
  reference,
}: {
  plan: PlanView;
  reference: (id: string) => string;
}) {
  const columns = useMemo(unassignedColumns, []);
  const data = useMemo(
    () =>
      plan.unassigned.map((request) => ({ request, reference: reference(request.tripRequestId) })),
    [plan.unassigned, reference],
  );
  const table = useSortedTable({
    data,
    columns,
    rowId: (row) => row.request.tripRequestId,
    pageSize: UNASSIGNED_PAGE_SIZE,
  });
  return (
    <>
      <DataTable
        table={table}
        caption="Unassigned trip requests and why"
        captionClassName="govuk-table__caption govuk-visually-hidden"
      />
      <TablePagination table={table} />
    </>
  );
}
