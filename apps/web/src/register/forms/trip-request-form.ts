import { API_RESOURCES } from "@tt/contract";
import { api } from "../../api";
import { choicesOf, type FieldSpec, type FormSpec } from "../form-model";
import { referenceField } from "./location-fields";
import { tripRequestInput, tripRequestValues } from "./trip-request-input";

const shape = API_RESOURCES.tripRequests.input.shape;
const PURPOSES = shape.purpose.options;
const TIMINGS = shape.timing.options;
const STATUSES = shape.status.unwrap().options;
const WEEKDAYS = [
  { value: "mon", text: "Monday" },
  { value: "tue", text: "Tuesday" },
  { value: "wed", text: "Wednesday" },
  { value: "thu", text: "Thursday" },
  { value: "fri", text: "Friday" },
  { value: "sat", text: "Saturday" },
  { value: "sun", text: "Sunday" },
];
const ENDS = [
  { value: "home", text: "The passenger's home" },
  { value: "place", text: "A place in the register" },
];
const TIMING_TEXT: Record<string, string> = {
  "arrive-by": "Arrive by the time",
  "depart-after": "Leave after the time",
};

function end(which: "origin" | "destination", question: string, place: string): FieldSpec[] {
  return [
    {
      name: `${which}Kind`,
      label: question,
      type: "radios",
      choices: ENDS,
      required: `Select ${question.toLowerCase().replace("?", "")}`,
      paths: [which, `${which}.kind`],
    },
    {
      name: `${which}Place`,
      label: place,
      type: "text",
      hint: "Only for a place in the register",
      paths: [`${which}.placeId`],
      width: "10",
    },
  ];
}

const date = (name: string, label: string, hint: string): FieldSpec => ({
  name,
  label,
  type: "date",
  hint: `${hint}, for example 3 9 2026`,
  paths: [`recurrence.${name}`],
});

const fields: FieldSpec[] = [
  referenceField("trip request", "Your own reference for the booking"),
  {
    name: "passengerReference",
    label: "Passenger's reference",
    type: "text",
    required: "Enter the passenger's reference",
    paths: ["passengerId"],
    width: "10",
  },
  {
    name: "funderId",
    label: "Who pays for it",
    type: "select",
    blank: "Choose a funder",
    required: "Select who pays for the trip",
  },
  {
    name: "purpose",
    label: "Purpose",
    type: "select",
    choices: choicesOf(PURPOSES),
    blank: "Choose a purpose",
    required: "Select the purpose of the trip",
  },
  ...end("origin", "Where does it start?", "Reference of the place it starts at"),
  ...end("destination", "Where does it end?", "Reference of the place it ends at"),
  {
    name: "timing",
    label: "Timing",
    type: "radios",
    choices: TIMINGS.map((t) => ({ value: t, text: TIMING_TEXT[t] ?? t })),
    required: "Select whether the passenger must arrive by or leave after the time",
  },
  {
    name: "time",
    label: "Time",
    type: "time",
    hint: "The bell time, appointment time or earliest departure, for example 08:45",
    required: "Enter the time",
    width: "5",
  },
  {
    name: "windowMinutes",
    label: "Minutes of leeway",
    type: "number",
    hint: "How much earlier (arriving) or later (leaving) is acceptable",
    required: "Enter the minutes of leeway",
    range: { min: 0, max: 240, whole: true },
    width: "3",
  },
  {
    name: "escorts",
    label: "Escorts or carers travelling with them",
    type: "number",
    required: "Enter the number of escorts, or 0",
    range: { min: 0, max: 4, whole: true },
    width: "2",
  },
  {
    name: "recurrenceKind",
    label: "How often",
    type: "radios",
    choices: [
      { value: "one-off", text: "On one day" },
      { value: "recurring", text: "Every week" },
    ],
    required: "Select how often the trip is made",
    paths: ["recurrence", "recurrence.kind"],
  },
  date("date", "Date (on one day)", "The day of the trip"),
  {
    name: "weekdays",
    label: "Days of the week (every week)",
    type: "checkboxes",
    choices: WEEKDAYS,
    paths: ["recurrence.weekdays"],
  },
  date("from", "First day (every week)", "The first day it runs"),
  date("to", "Last day (every week)", "The last day it runs"),
  { name: "status", label: "Status", type: "select", choices: choicesOf(STATUSES) },
];

async function loadChoices() {
  const funders = await api.list("funders", { limit: 500 });
  return { funderId: funders.items.map((f) => ({ value: f.id, text: f.name })) };
}

export const tripRequestForm: FormSpec<"tripRequests"> = {
  kind: "tripRequests",
  singular: "trip request",
  fields,
  initial: { windowMinutes: "15", escorts: "0", status: "requested" },
  loadChoices,
  valuesOf: tripRequestValues,
  inputOf: tripRequestInput,
};
