import type { BookedView, BookingBody, BookingOptionsView } from "@tt/contract";
import { useState } from "react";
import { api, type Problem } from "../api";
import { deskProblems, isConflict } from "./booking-words";
import type { DeskPartner } from "./partner-words";

/** The trip last asked about, and whether every vehicle was tried. */
interface Asked {
  readonly booking: BookingBody;
  readonly everyRun: boolean;
}

/**
 * The desk's state: the options found for the trip last asked about, the booking made, and the
 * problems to list. A refused booking (409) keeps the trip, so that the options can be found again.
 */
export function useBookingDesk(partner: DeskPartner | undefined) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [asked, setAsked] = useState<Asked>();
  const [found, setFound] = useState<BookingOptionsView>();
  const [booked, setBooked] = useState<BookedView>();
  const [lastBooked, setLastBooked] = useState<BookedView>();
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);

  const find = async (booking: BookingBody, everyRun = false) => {
    setBusy(true);
    setRefused(false);
    setBooked(undefined);
    try {
      setFound(
        partner
          ? await api.partnerBookingOptions(partner.id, booking, { everyRun })
          : await api.bookingOptions(booking, { everyRun }),
      );
      setAsked({ booking, everyRun });
      setProblems([]);
    } catch (error) {
      setFound(undefined);
      setProblems(deskProblems(error));
    } finally {
      setBusy(false);
    }
  };

  const book = async (vehicleId: string) => {
    if (!asked) return;
    setBusy(true);
    try {
      // The window told with the option holds if its vehicle's room has gone meanwhile.
      const toldWindow = found?.options.find((o) => o.vehicleId === vehicleId)?.pickupWindow;
      const body = { booking: asked.booking, vehicleId, ...(toldWindow ? { toldWindow } : {}) };
      const made = partner ? await api.partnerBook(partner.id, body) : await api.book(body);
      setBooked(made);
      setLastBooked(made);
      setFound(undefined);
      setProblems([]);
    } catch (error) {
      setRefused(isConflict(error));
      if (isConflict(error)) setFound(undefined);
      setProblems(deskProblems(error));
    } finally {
      setBusy(false);
    }
  };

  return {
    problems,
    found,
    /** The booking just made, until the next search. */
    booked,
    /** The last booking made on the page, for the cancel form. */
    lastBooked,
    busy,
    /** The booking was refused as things stand: the options may be found again. */
    refused,
    /** The date of the trip last asked about, for the cancel form. */
    date: asked?.booking.date,
    find,
    book,
    /** The same trip again, trying every vehicle. */
    findEveryRun: asked && !asked.everyRun ? () => find(asked.booking, true) : undefined,
    /** The same trip again, as it was asked. */
    findAgain: asked ? () => find(asked.booking, asked.everyRun) : undefined,
    /** Forgets the trip asked about and the bookings made (another organisation's passenger). */
    reset: () => {
      setAsked(undefined);
      setFound(undefined);
      setBooked(undefined);
      setLastBooked(undefined);
      setRefused(false);
      setProblems([]);
    },
    reject: (found: Problem[]) => {
      setFound(undefined);
      setProblems(found);
    },
  };
}
