import { weekdayOf } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { ONCE, repeatOf, repeatProblems, weekdayList } from "./repeat-words";

const EVERY_TUE_THU = {
  often: "repeats",
  weekdays: ["thu", "tue"],
  until: "2026-12-17",
  termCalendarId: "",
};

describe("a trip that repeats, from the desk's form", () => {
  it("is nothing to the API when the trip travels once", () => {
    expect(repeatOf(ONCE)).toBeUndefined();
    expect(repeatProblems(ONCE, "2026-11-24")).toEqual([]);
  });

  it("is the weekdays in the week's order, the last day and the term calendar when chosen", () => {
    expect(repeatProblems(EVERY_TUE_THU, "2026-11-24")).toEqual([]);
    expect(repeatOf(EVERY_TUE_THU)).toEqual({ weekdays: ["tue", "thu"], until: "2026-12-17" });
    expect(repeatOf({ ...EVERY_TUE_THU, termCalendarId: "c1" })).toMatchObject({
      termCalendarId: "c1",
    });
  });

  it("names the first day's weekday when it is not chosen, and each missing answer", () => {
    expect(repeatProblems({ ...EVERY_TUE_THU, weekdays: ["mon"] }, "2026-11-24")).toEqual([
      {
        text: "The date of travel is a Tuesday: choose it among the weekdays, or change the date",
        href: "#repeat-weekdays",
      },
    ]);
    expect(
      repeatProblems({ often: "repeats", weekdays: [], until: "", termCalendarId: "" }, "x"),
    ).toEqual([
      { text: "Choose the weekdays the trip repeats on", href: "#repeat-weekdays" },
      { text: "Enter the last day the trip repeats", href: "#repeat-until" },
    ]);
    expect(repeatProblems({ ...EVERY_TUE_THU, until: "2026-02-30" }, "2026-11-24")).toEqual([
      { text: "The last day must be a real date, like 18 12 2026", href: "#repeat-until" },
    ]);
    expect(repeatProblems({ ...EVERY_TUE_THU, until: "2026-11-24" }, "2026-11-24")).toEqual([
      { text: "The last day must be after the date of travel", href: "#repeat-until" },
    ]);
  });

  it("reads weekdays and lists them as a sentence does", () => {
    expect(weekdayOf("2026-11-24")).toBe("tue");
    expect(weekdayOf("2026-11-29")).toBe("sun");
    expect(weekdayList(["mon"])).toBe("Monday");
    expect(weekdayList(["mon", "wed", "fri"])).toBe("Monday, Wednesday and Friday");
  });
});
