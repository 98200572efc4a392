/** "HH:MM" for minutes after midnight (the engine's unit), rounded to the minute. */
export function clock(minutes: number): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60) % 24;
  const m = whole % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** Pounds with pence, e.g. "£1,234.50". */
export function pounds(value: number): string {
  return value.toLocaleString("en-GB", { style: "currency", currency: "GBP" });
}

export const kilometres = (metres: number) =>
  `${(metres / 1000).toLocaleString("en-GB", { maximumFractionDigits: 1 })} km`;

/** Distinct colours for runs, dark enough for 3:1 contrast on the pale map background. */
export const RUN_COLOURS = [
  "#1d70b8",
  "#d4351c",
  "#00703c",
  "#4c2c92",
  "#b58840",
  "#d53880",
  "#28a197",
  "#f47738",
  "#5694ca",
  "#912b88",
  "#85994b",
  "#6f72af",
] as const;

export const runColour = (index: number) => RUN_COLOURS[index % RUN_COLOURS.length] ?? "#1d70b8";

/** A reason code from the planning engine in words a planner reads. */
export function reasonText(reason: string): string {
  const words: Record<string, string> = {
    capacity: "no vehicle has room",
    features: "no vehicle has the features needed",
    "time-window": "no vehicle can be there in time",
    "ride-time": "the ride would be too long",
    incompatibility: "cannot share with the passengers on board",
    "not-worth-penalty": "cheaper to leave unserved than to serve",
    "not-planned": "missing data: not planned",
    "no-room": "no run has room at the times needed",
  };
  return words[reason] ?? reason.replaceAll("-", " ");
}
