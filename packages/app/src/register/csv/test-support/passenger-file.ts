export const PASSENGER_HEADER =
  "reference,given_name,family_name,date_of_birth,home_address,home_postcode,home_lat,home_lon," +
  "wheelchair,passenger_assistant,seating,travel_alone,door_through_door,may_not_travel_with";

const GIVEN = ["Amelia", "Oliver", "Isla", "Noah", "Zoë", "Arlo", "Freya", "Leo"];
const FAMILY = ["Smith", "Patel", "O'Brien", "Nowak", "Jones", "Khan", "Taylor", "Evans"];

/** Cells of data row `i` (1-based) of a deterministic passengers file around Cambridge. */
export function passengerCells(i: number): string[] {
  const ref = `P-${String(i).padStart(5, "0")}`;
  return [
    ref,
    GIVEN[i % GIVEN.length] ?? "Sam",
    FAMILY[(i * 7) % FAMILY.length] ?? "Smith",
    `20${String(10 + (i % 10)).padStart(2, "0")}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}`,
    `"${i} Mill Road, Cambridge"`,
    "CB1 2AD",
    (52.15 + (i % 100) * 0.001).toFixed(6),
    (0.08 + (i % 50) * 0.002).toFixed(6),
    i % 17 === 0 ? "yes" : "no",
    i % 23 === 0 ? "Y" : "",
    i % 31 === 0 ? "booster-seat" : "",
    "",
    "false",
    i % 101 === 0 && i > 1 ? `P-${String(i - 1).padStart(5, "0")}` : "",
  ];
}

/**
 * A passengers CSV of `rows` data rows (header on row 1, data row i on row i + 1), with
 * `overrides` replacing cells by row number and column index.
 */
export function passengerFile(
  rows: number,
  overrides: Record<number, Record<number, string>> = {},
): string {
  const lines = [PASSENGER_HEADER];
  for (let i = 1; i <= rows; i++) {
    const cells = passengerCells(i);
    for (const [column, value] of Object.entries(overrides[i + 1] ?? {}))
      cells[Number(column)] = value;
    lines.push(cells.join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
