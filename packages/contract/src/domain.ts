/**
 * The one door from the contract into the domain model (decision 0002): the API accepts exactly
 * what the domain validates, so request schemas are the domain's input schemas, re-exported here.
 */
export {
  AGREEMENT_STATUSES,
  agreementInputSchema,
  availabilityGrantInputSchema,
  budgetInputSchema,
  DATA_ITEMS,
  FUNDER_KINDS,
  funderInputSchema,
  isAllowed,
  OPERATOR_KINDS,
  ORGANISATION_KINDS,
  operatorInputSchema,
  PLACE_KINDS,
  passengerInputSchema,
  placeInputSchema,
  ROLES,
  SCHOOL_PHASES,
  SHARING_PURPOSES,
  STAFF_ROLES,
  staffInputSchema,
  TRIP_PURPOSES,
  TRIP_STATUSES,
  termCalendarInputSchema,
  tripRequestInputSchema,
  VEHICLE_KINDS,
  vehicleInputSchema,
  WEEKDAYS,
} from "@tt/domain";
