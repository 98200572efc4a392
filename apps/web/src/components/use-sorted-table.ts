import {
  type ColumnDef,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  type SortingState,
  type Table,
  useReactTable,
} from "@tanstack/react-table";
import { useState } from "react";

/**
 * A table sorted by its column headers (ascending first, never unsorted again) and paged: what
 * the plan pages' tables share. `data` and `columns` should be memoised by the caller.
 */
export function useSortedTable<Row>(options: {
  data: Row[];
  columns: ColumnDef<Row, never>[];
  rowId: (row: Row) => string;
  pageSize: number;
}): Table<Row> {
  const [sorting, setSorting] = useState<SortingState>([]);
  return useReactTable({
    data: options.data,
    columns: options.columns,
    getRowId: options.rowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    enableSortingRemoval: false,
    sortDescFirst: false,
    initialState: { pagination: { pageIndex: 0, pageSize: options.pageSize } },
    state: { sorting },
    onSortingChange: setSorting,
  });
}
