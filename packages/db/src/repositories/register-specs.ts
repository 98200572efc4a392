import type {
  Budget,
  BudgetInput,
  Funder,
  FunderInput,
  Operator,
  OperatorInput,
  Passenger,
  PassengerInput,
  Place,
  PlaceInput,
  Staff,
  StaffInput,
  TermCalendar,
  TermCalendarInput,
  Vehicle,
  VehicleInput,
} from "@tt/domain";
import {
  budgets,
  funders,
  operators,
  passengers,
  places,
  staff,
  termCalendars,
  vehicles,
} from "../schema";
import type { ImportableSpec, RecordSpec } from "./record-repository";
import { nulls, opt, storedFields } from "./row-mapping";

type Row = Record<string, unknown>;

export const passengerSpec: ImportableSpec<Passenger, PassengerInput> = {
  resource: "passenger",
  table: passengers,
  referenceColumn: passengers.reference,
  importColumn: passengers.importId,
  searchColumns: [
    passengers.reference,
    passengers.givenName,
    passengers.familyName,
    passengers.homePostcode,
  ],
  narrowSearchColumns: [passengers.reference, passengers.givenName, passengers.familyName],
  filterColumns: {},
  orderBy: passengers.reference,
  toRow: (input) => ({
    ...input,
    ...nulls(input, ["dateOfBirth", "homeAddress", "homePostcode"]),
  }),
  fromRow: (row: Row) =>
    Object.assign(storedFields(row), {
      reference: row.reference,
      givenName: row.givenName,
      familyName: row.familyName,
      dateOfBirth: opt(row.dateOfBirth),
      homeAddress: opt(row.homeAddress),
      homePostcode: opt(row.homePostcode),
      homeLat: row.homeLat,
      homeLon: row.homeLon,
      needs: row.needs,
    }) as Passenger,
};

export const placeSpec: ImportableSpec<Place, PlaceInput> = {
  resource: "place",
  table: places,
  referenceColumn: places.reference,
  importColumn: places.importId,
  searchColumns: [places.reference, places.name, places.postcode, places.externalCode],
  filterColumns: { kind: places.kind, schoolPhase: places.schoolPhase },
  orderBy: places.name,
  toRow: (input) => ({
    ...input,
    ...nulls(input, ["postcode", "externalCode", "schoolPhase", "opensAt", "closesAt"]),
  }),
  fromRow: (row: Row) =>
    Object.assign(storedFields(row), {
      reference: row.reference,
      name: row.name,
      kind: row.kind,
      lat: row.lat,
      lon: row.lon,
      postcode: opt(row.postcode),
      externalCode: opt(row.externalCode),
      schoolPhase: opt(row.schoolPhase),
      opensAt: opt(row.opensAt),
      closesAt: opt(row.closesAt),
    }) as Place,
};

export const vehicleSpec: ImportableSpec<Vehicle, VehicleInput> = {
  resource: "vehicle",
  table: vehicles,
  referenceColumn: vehicles.reference,
  importColumn: vehicles.importId,
  searchColumns: [vehicles.reference],
  filterColumns: { kind: vehicles.kind, operatorId: vehicles.operatorId },
  orderBy: vehicles.reference,
  toRow: (input) => ({ ...input, ...nulls(input, ["operatorId", "co2GramsPerKm"]) }),
  fromRow: (row: Row) => {
    const { organisationId: _o, createdAt: _c, updatedAt: _u, id: _i, importId: _m, ...rest } = row;
    return Object.assign(storedFields(row), rest, {
      operatorId: opt(row.operatorId),
      co2GramsPerKm: opt(row.co2GramsPerKm),
    }) as Vehicle;
  },
};

export const staffSpec: RecordSpec<Staff, StaffInput> = {
  resource: "staff member",
  table: staff,
  referenceColumn: staff.reference,
  searchColumns: [staff.reference, staff.name],
  filterColumns: { role: staff.role, operatorId: staff.operatorId },
  orderBy: staff.reference,
  toRow: (input) => ({
    ...input,
    ...nulls(input, ["operatorId", "dbsExpiry", "licenceExpiry"]),
  }),
  fromRow: (row: Row) =>
    Object.assign(storedFields(row), {
      reference: row.reference,
      name: row.name,
      role: row.role,
      operatorId: opt(row.operatorId),
      volunteer: row.volunteer,
      dbsExpiry: opt(row.dbsExpiry),
      licenceExpiry: opt(row.licenceExpiry),
      shifts: row.shifts,
    }) as Staff,
};

export const operatorSpec: RecordSpec<Operator, OperatorInput> = {
  resource: "operator",
  table: operators,
  nameColumn: operators.name,
  searchColumns: [operators.name, operators.licenceNumber],
  filterColumns: { kind: operators.kind },
  orderBy: operators.name,
  toRow: (input) => ({
    ...input,
    ...nulls(input, ["licenceNumber", "licenceExpiry", "contactEmail"]),
  }),
  fromRow: (row: Row) =>
    Object.assign(storedFields(row), {
      name: row.name,
      kind: row.kind,
      licenceNumber: opt(row.licenceNumber),
      licenceExpiry: opt(row.licenceExpiry),
      contactEmail: opt(row.contactEmail),
    }) as Operator,
};

export const funderSpec: RecordSpec<Funder, FunderInput> = {
  resource: "funder",
  table: funders,
  nameColumn: funders.name,
  searchColumns: [funders.name],
  filterColumns: { kind: funders.kind },
  orderBy: funders.name,
  toRow: (input) => ({ ...input }),
  fromRow: (row: Row) =>
    Object.assign(storedFields(row), { name: row.name, kind: row.kind }) as Funder,
};

export const budgetSpec: RecordSpec<Budget, BudgetInput> = {
  resource: "budget",
  table: budgets,
  searchColumns: [budgets.financialYear],
  filterColumns: { funderId: budgets.funderId, financialYear: budgets.financialYear },
  orderBy: budgets.financialYear,
  toRow: (input) => ({ ...input }),
  fromRow: (row: Row) =>
    Object.assign(storedFields(row), {
      funderId: row.funderId,
      financialYear: row.financialYear,
      amountPence: row.amountPence,
    }) as Budget,
};

export const termCalendarSpec: RecordSpec<TermCalendar, TermCalendarInput> = {
  resource: "term calendar",
  table: termCalendars,
  nameColumn: termCalendars.name,
  searchColumns: [termCalendars.name],
  filterColumns: {},
  orderBy: termCalendars.name,
  toRow: (input) => ({ ...input }),
  fromRow: (row: Row) =>
    Object.assign(storedFields(row), { name: row.name, periods: row.periods }) as TermCalendar,
};
