import { ApiError } from "@tt/contract";
import { describe, expect, it } from "vitest";
import {
  BOOKING_FIELDS,
  type BookingDraft,
  clockOf,
  deskProblems,
  PURPOSE_CHOICES,
  readBooking,
  todayIso,
  tripEnds,
  windowMinutes,
} from "./booking-words";
import { ONCE } from "./repeat-words";

const DRAFT: BookingDraft = {
  passengerId: "p1",
  placeId: "pl1",
  funderId: "f1",
  purpose: "hospital-appointment",
  direction: "to-place",
  timing: "arrive-by",
  date: "2026-11-24",
  time: " 9.30 ",
  window: "20",
  repeat: ONCE,
};

describe("the booking from the desk's form", () => {
  it("is the API's booking: home to the place, the time as HH:MM, no escorts", () => {
    expect(readBooking(DRAFT)).toEqual({
      ok: true,
      value: {
        date: "2026-11-24",
        passengerId: "p1",
        funderId: "f1",
        purpose: "hospital-appointment",
        origin: { kind: "home" },
        destination: { kind: "place", placeId: "pl1" },
        timing: "arrive-by",
        time: "09:30",
        windowMinutes: 20,
        escorts: 0,
      },
    });
  });

  it("goes from the place to home the other way round", () => {
    expect(tripEnds("from-place", "pl1")).toEqual({
      origin: { kind: "place", placeId: "pl1" },
      destination: { kind: "home" },
    });
  });

  it("lists every problem in the order of the page, each linked to its field", () => {
    const read = readBooking({
      passengerId: undefined,
      placeId: undefined,
      funderId: "",
      purpose: "shopping",
      direction: "",
      timing: "whenever",
      date: "2026-02-30",
      time: "25:00",
      window: "300",
      repeat: { often: "repeats", weekdays: [], until: "", termCalendarId: "" },
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.href)).toEqual([
      "#passenger-search",
      "#place-search",
      "#funder",
      "#purpose",
      "#direction",
      "#timing",
      "#date",
      "#time",
      "#window",
      "#repeat-weekdays",
      "#repeat-until",
    ]);
    expect(read.problems[6]?.text).toBe("The date of travel must be a real date, like 24 11 2026");
  });

  it("carries a repeat the agent asked for, and links its fields' refusals", () => {
    const repeat = { often: "repeats", weekdays: ["tue"], until: "2026-12-15", termCalendarId: "" };
    const read = readBooking({ ...DRAFT, repeat });
    expect(read.ok && read.value.repeat).toEqual({ weekdays: ["tue"], until: "2026-12-15" });
    expect(BOOKING_FIELDS["booking.repeat.until"]).toBe("repeat-until");
  });

  it("asks for the date when none is given", () => {
    const read = readBooking({ ...DRAFT, date: "" });
    expect(read.ok ? [] : read.problems).toEqual([
      { text: "Enter the date of travel", href: "#date" },
    ]);
  });

  it.each([
    ["09:30", "09:30"],
    ["9:05", "09:05"],
    ["23.59", "23:59"],
    ["24:00", undefined],
    ["9:60", undefined],
    ["930", undefined],
  ])("reads the time %s as %s", (text, time) => {
    expect(clockOf(text)).toBe(time);
  });

  it.each([
    ["0", 0],
    ["240", 240],
    ["241", undefined],
    ["-5", undefined],
    ["7.5", undefined],
    ["", undefined],
  ])("takes a window of %s minutes as %s", (text, minutes) => {
    expect(windowMinutes(text)).toBe(minutes);
  });

  it("offers every purpose of a trip, in words", () => {
    expect(PURPOSE_CHOICES).toHaveLength(9);
    expect(PURPOSE_CHOICES.find((c) => c.value === "gp-appointment")?.text).toBe("GP appointment");
  });

  it("takes today in the browser's own time zone", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe("2026-01-05");
  });
});

describe("the desk's problems from the API", () => {
  it("maps invalid fields of the options and book routes to the page's fields", () => {
    const error = new ApiError(422, {
      code: "validation-failed",
      message: "Invalid",
      details: [
        { path: "time", message: "expected HH:MM" },
        { path: "booking.destination.placeId", message: "no place x in your organisation" },
      ],
    });
    expect(deskProblems(error)).toEqual([
      { text: "expected HH:MM", href: "#time" },
      { text: "no place x in your organisation", href: "#place-search" },
    ]);
    expect(BOOKING_FIELDS["booking.windowMinutes"]).toBe("window");
  });

  it("shows a refusal's own message, which says what to do, linked to the field it names", () => {
    const message = "No operating plan is published for 2026-11-24: publish the day's plan first.";
    const noPlan = new ApiError(409, {
      code: "conflict",
      message,
      details: [{ path: "date", message: "no published plan for this day" }],
    });
    expect(deskProblems(noPlan)).toEqual([{ text: message, href: "#date" }]);
    const taken = new ApiError(409, {
      code: "conflict",
      message: "Vehicle v1 cannot take the trip: ask for the options again.",
      details: [{ path: "vehicleId", message: "no longer an option" }],
    });
    expect(deskProblems(taken)).toEqual([
      { text: "Vehicle v1 cannot take the trip: ask for the options again." },
    ]);
  });
});
