import type {
  CrewRotaView,
  DriverDayView,
  JourneyReportView,
  OccupancyView,
  RecordedUploadView,
  RunEventUploadBody,
  StatusBoardView,
} from "./routes";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const onDate = (date: string) => new URLSearchParams({ date }).toString();

/** Running the day: the driver's runs, their marks at stops, and the status board. */
export function operationsClientMethods(call: Call, base: string) {
  return {
    /** The runs the signed-in driver or assistant crews on the day (audited). */
    driverDay: (date: string) => call<DriverDayView>("GET", `/api/driver/runs?${onDate(date)}`),
    /** Sends marks made on the phone; each is recorded once, however often it is sent. */
    recordRunEvents: (body: RunEventUploadBody) =>
      call<RecordedUploadView>("POST", "/api/run-events", body),
    /** Who crews which vehicle on a date (a read of the staff it names, audited). */
    crewRota: (date: string) => call<CrewRotaView>("GET", `/api/crew/${encodeURIComponent(date)}`),
    /** Sets a vehicle's whole crew on a date (none clears it); answers the date's rota. */
    assignCrew: (date: string, vehicleId: string, staffIds: readonly string[]) =>
      call<CrewRotaView>(
        "PUT",
        `/api/crew/${encodeURIComponent(date)}/${encodeURIComponent(vehicleId)}`,
        { staffIds },
      ),
    /** The day's runs with their progress and exceptions. */
    statusBoard: (date: string) =>
      call<StatusBoardView>("GET", `/api/status-board?${onDate(date)}`),
    /** Observed occupancy against the operating plans of a period, at a percentile (50–100). */
    occupancy: (from: string, to: string, percentile: number) =>
      call<OccupancyView>(
        "GET",
        `/api/occupancy?${new URLSearchParams({ from, to, percentile: String(percentile) }).toString()}`,
      ),
    /** Completed journeys of a period (at most 31 days) and their figures. */
    journeys: (from: string, to: string) =>
      call<JourneyReportView>(
        "GET",
        `/api/journeys?${new URLSearchParams({ from, to }).toString()}`,
      ),
    /** Where the period's journeys are as CSV (a link the browser follows with its session). */
    journeysCsvUrl: (from: string, to: string) =>
      `${base}/api/journeys/export?${new URLSearchParams({ from, to }).toString()}`,
    /** The board's event stream: a `board` event with the board as JSON whenever it changes. */
    statusBoardEventsUrl: (date: string) => `${base}/api/status-board/events?${onDate(date)}`,
  };
}
