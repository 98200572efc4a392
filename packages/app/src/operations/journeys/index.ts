export type { CompletedJourney, JourneyOutcome } from "./completed-journeys";
export type { FiguresReport, JourneyFigures } from "./journey-figures";
export { type JourneyReport, JourneyService, MAX_JOURNEY_DAYS } from "./journey-service";
