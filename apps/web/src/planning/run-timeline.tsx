import type { PlanView } from "@tt/contract";
import { clock, runColour } from "./format";

type Run = PlanView["runs"][number];

const FROM = 5 * 60;
const TO = 21 * 60;
const HOURS = [6, 8, 10, 12, 14, 16, 18, 20];

const percent = (minutes: number) =>
  `${(Math.min(Math.max(minutes - FROM, 0), TO - FROM) / (TO - FROM)) * 100}%`;

/** Each vehicle's day as a bar from its first stop to its last, breaks shown hatched. */
export function RunTimeline({
  runs,
  vehicleName,
}: {
  runs: readonly Run[];
  vehicleName: (id: string) => string;
}) {
  return (
    <figure className="app-timeline" aria-labelledby="timeline-caption">
      <figcaption id="timeline-caption" className="govuk-heading-m">
        Vehicle timeline
      </figcaption>
      <div className="app-timeline__scale" aria-hidden="true">
        {HOURS.map((h) => (
          <span key={h} style={{ left: percent(h * 60) }}>
            {String(h).padStart(2, "0")}:00
          </span>
        ))}
      </div>
      {/* A long timeline scrolls: keyboard users reach it to scroll it too. */}
      <section
        className="app-timeline__rows"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
        tabIndex={0}
        aria-label="Vehicle timeline, scrolls"
      >
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {runs.map((run, index) => {
            const first = run.stops[0];
            const last = run.stops[run.stops.length - 1];
            if (!first || !last) return null;
            const start = first.start;
            const end = last.departure;
            const label = `${vehicleName(run.vehicleId)}: ${clock(start)} to ${clock(end)}, ${run.stops.length} stops`;
            return (
              <li key={run.id} className="app-timeline__row">
                <span className="app-timeline__name">{vehicleName(run.vehicleId)}</span>
                <span className="app-timeline__track">
                  <span
                    className="app-timeline__bar"
                    style={{
                      left: percent(start),
                      width: `calc(${percent(end)} - ${percent(start)})`,
                      background: runColour(index),
                    }}
                  />
                  {run.stops
                    .filter((s) => s.kind === "break")
                    .map((s) => (
                      <span
                        key={s.breakId ?? s.start}
                        className="app-timeline__break"
                        style={{
                          left: percent(s.start),
                          width: `calc(${percent(s.departure)} - ${percent(s.start)})`,
                        }}
                      />
                    ))}
                </span>
                <span className="govuk-visually-hidden">{label}</span>
              </li>
            );
          })}
        </ul>
      </section>
    </figure>
  );
}
