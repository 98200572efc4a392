import { describe, expect, it } from "vitest";
import { IssueList } from "./issues";
import { readRecords } from "./read-csv";

async function* chunks(text: string): AsyncGenerator<string> {
  yield text;
}

async function rowsOf(text: string, maxRows?: number) {
  const issues = new IssueList();
  const rows: number[] = [];
  for await (const record of readRecords(chunks(text), issues, maxRows)) rows.push(record.row);
  return { rows, issues };
}

describe("reading CSV records", () => {
  it("numbers rows as a spreadsheet does, blank lines included", async () => {
    const { rows, issues } = await rowsOf("a,b\n1,2\n\n3,4\n");
    expect(rows).toEqual([1, 2, 3, 4]);
    expect(issues.isEmpty).toBe(true);
  });

  it("stops past the most rows it may read, blank lines counted, with an issue", async () => {
    const { rows, issues } = await rowsOf(`a,b\n${"\n".repeat(10_000)}`, 11);
    expect(rows).toHaveLength(11);
    expect(issues.isEmpty).toBe(false);
    expect(issues.hasRow(12)).toBe(true);
  });
});
