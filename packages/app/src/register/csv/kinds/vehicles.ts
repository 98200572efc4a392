import { VEHICLE_FEATURES, VEHICLE_KINDS, vehicleInputSchema } from "@tt/domain";
import { decimal, integer, layouts, listOf, oneOf, pounds, text, time } from "../codecs";
import type { Column, CsvKindSpec } from "../columns";
import { keyOf, resolveCoordinates, resolveId } from "../resolve";

const COLUMNS: readonly Column[] = [
  {
    header: "reference",
    required: true,
    codec: { ...text, type: "reference" },
    target: "reference",
    description: "Your unique reference, e.g. the registration or fleet number.",
  },
  {
    header: "kind",
    required: true,
    codec: oneOf(VEHICLE_KINDS),
    target: "kind",
    description: "Type of vehicle.",
  },
  {
    header: "operator",
    codec: text,
    target: "operator",
    description:
      "Name of the operator that runs it (must exist in your organisation); blank for your own fleet.",
  },
  {
    header: "seats",
    required: true,
    codec: integer,
    target: "seats",
    description: "Seats in the standard layout.",
  },
  {
    header: "wheelchair_spaces",
    codec: integer,
    target: "wheelchairSpaces",
    description: "Wheelchair spaces in the standard layout. Default 0.",
  },
  {
    header: "alternative_layouts",
    codec: layouts,
    target: "layouts",
    description: 'Other layouts as seats+wheelchair spaces, e.g. "12+2;8+4".',
  },
  {
    header: "features",
    codec: listOf(oneOf(VEHICLE_FEATURES)),
    target: "features",
    description: 'Features, separated by ";".',
  },
  {
    header: "depot_lat",
    codec: decimal,
    target: "coordinates.lat",
    reportsFor: "depotLat",
    description: "Depot latitude (WGS84).",
  },
  {
    header: "depot_lon",
    codec: decimal,
    target: "coordinates.lon",
    reportsFor: "depotLon",
    description: "Depot longitude (WGS84).",
  },
  {
    header: "depot_easting",
    codec: decimal,
    target: "coordinates.easting",
    reportsFor: "depotLon",
    exported: false,
    description: "Depot easting, British National Grid metres (instead of lat/lon).",
  },
  {
    header: "depot_northing",
    codec: decimal,
    target: "coordinates.northing",
    reportsFor: "depotLat",
    exported: false,
    description: "Depot northing, British National Grid metres (instead of lat/lon).",
  },
  {
    header: "available_from",
    codec: time,
    target: "availableFrom",
    description: "Start of the working day. Default 06:30.",
  },
  {
    header: "available_to",
    codec: time,
    target: "availableTo",
    description: "End of the working day. Default 18:30.",
  },
  {
    header: "fixed_cost_gbp",
    codec: pounds,
    target: "fixedCostPence",
    description: "Cost per day used, in pounds. Default 0.",
  },
  {
    header: "cost_per_km_gbp",
    codec: pounds,
    target: "costPerKmPence",
    description: "Cost per kilometre, in pounds. Default 0.",
  },
  {
    header: "cost_per_hour_gbp",
    codec: pounds,
    target: "costPerHourPence",
    description: "Cost per hour, in pounds. Default 0.",
  },
  {
    header: "co2_grams_per_km",
    codec: decimal,
    target: "co2GramsPerKm",
    description: "Emissions, grams of CO2 per kilometre.",
  },
  {
    header: "funders",
    codec: listOf(text),
    target: "funders",
    reportsFor: "funderIds",
    description:
      'Names of the funders (budgets) whose silo fleet it belongs to, separated by ";"; blank: every funder (only the integration analysis reads it).',
  },
];

/** Vehicles: the fleet, with layouts, features, depot, hours and costs. */
export const vehiclesCsv: CsvKindSpec<"vehicles"> = {
  kind: "vehicles",
  columns: COLUMNS,
  oneOf: [
    ["depot_lat", "depot_lon"],
    ["depot_easting", "depot_northing"],
  ],
  schema: vehicleInputSchema,
  lookups: ["operators", "funders"],
  toInput(draft, context) {
    const { coordinates: _c, operator, funders, ...rest } = draft;
    const depot = resolveCoordinates(
      draft,
      { lat: "depot_lat", lon: "depot_lon", easting: "depot_easting", northing: "depot_northing" },
      context,
    );
    const operatorId = resolveId(context, "operators", "operator", operator);
    const names = Array.isArray(funders) ? funders : [];
    const funderIds = names.flatMap((name) => resolveId(context, "funders", "funders", name) ?? []);
    return { ...rest, depotLat: depot.lat, depotLon: depot.lon, operatorId, funderIds };
  },
  toDraft(record, lookups) {
    return Object.assign({}, record, {
      operator: keyOf(lookups, "operators", record.operatorId),
      funders: (Array.isArray(record.funderIds) ? record.funderIds : []).flatMap(
        (id: unknown) => keyOf(lookups, "funders", id) ?? [],
      ),
      coordinates: { lat: record.depotLat, lon: record.depotLon },
    });
  },
};
