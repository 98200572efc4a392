import "fake-indexeddb/auto";
import type { RecordedUploadView } from "@tt/contract";
import { describe, expect, it } from "vitest";
import { dayOnPhone, forgetKeptDays, openOutbox, type RunMark } from "./outbox";
import { firstDays, syncOutbox } from "./sync";

let n = 0;
const mark = (kind: RunMark["kind"] = "picked-up"): RunMark => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  serviceDate: "2026-11-24",
  vehicleId: "11111111-1111-4111-8111-111111111111",
  tripRequestId: "22222222-2222-4222-8222-222222222222",
  stop: "pickup",
  kind,
  ...(kind === "no-show" ? { reason: "not-at-pickup" as const } : {}),
  at: new Date(Date.UTC(2026, 10, 24, 8, n)).toISOString(),
});

/** A server that records each id once, and can be switched off. */
function fakeServer() {
  const stored: RunMark[] = [];
  const state = { online: true, uploads: [] as RunMark[][] };
  const send = async (events: RunMark[]): Promise<RecordedUploadView> => {
    if (!state.online) throw new TypeError("Failed to fetch");
    state.uploads.push(events);
    const fresh = events.filter((e) => !stored.some((s) => s.id === e.id));
    stored.push(...fresh);
    return { recorded: fresh.length, duplicates: events.length - fresh.length, refused: [] };
  };
  return { stored, state, send };
}

describe("the phone's outbox", () => {
  it("keeps marks made offline in order and sends them once when back online", async () => {
    const outbox = await openOutbox(`outbox-${Math.random()}`);
    const server = fakeServer();
    server.state.online = false;
    const made = [mark("arrived"), mark("picked-up"), mark("no-show")];
    for (const m of made) await outbox.add(m);
    await outbox.add(made[1] as RunMark); // a double tap replayed
    const offline = await syncOutbox(outbox, server.send);
    expect(offline).toMatchObject({ offline: true, waiting: 3, sent: 0 });
    server.state.online = true;
    const back = await syncOutbox(outbox, server.send);
    expect(back).toMatchObject({ offline: false, waiting: 0, sent: 3 });
    expect(server.stored.map((m) => m.id)).toEqual(made.map((m) => m.id));
    expect(await outbox.count()).toBe(0);
    outbox.close();
  });

  it("takes out refused marks with the server's reason, and sends large queues in batches", async () => {
    const outbox = await openOutbox(`outbox-${Math.random()}`);
    const many = Array.from({ length: 1001 }, () => mark());
    for (const m of many) await outbox.add(m);
    const uploads: number[] = [];
    const result = await syncOutbox(outbox, async (events) => {
      uploads.push(events.length);
      return {
        recorded: events.length - 1,
        duplicates: 0,
        refused: [{ index: 0, id: events[0]?.id ?? "", message: "not on your run" }],
      };
    });
    expect(uploads).toEqual([500, 500, 1]);
    expect(result.refused.map((r) => r.message)).toEqual(Array(3).fill("not on your run"));
    expect(result.sent).toBe(998);
    expect(await outbox.count()).toBe(0);
    outbox.close();
  });
});

describe("an upload's days", () => {
  it("sends the oldest marks of at most seven days at a time, in order", () => {
    const days = Array.from({ length: 9 }, (_, i) => ({
      ...mark(),
      serviceDate: `2026-11-${10 + i}`,
    }));
    const queue = [days[0], days[1], days[0], ...days.slice(2)].filter((m) => m !== undefined);
    const sent = firstDays(queue);
    expect(new Set(sent.map((m) => m.serviceDate)).size).toBe(7);
    expect(sent.map((m) => m.id)).toEqual(queue.slice(0, 8).map((m) => m.id));
  });
});

describe("the day kept on the phone", () => {
  const day = { serviceDate: "2026-11-24", published: true, runs: [], withheld: [] };

  it("answers the copy last loaded without signal, and a server's refusal as it is", async () => {
    const name = `days-${Math.random()}`;
    const loaded = await dayOnPhone("u1:2026-11-24", async () => day, name);
    expect(loaded).toEqual({ day, loadedAt: null });
    const offline = () => Promise.reject(new TypeError("Failed to fetch"));
    const kept = await dayOnPhone("u1:2026-11-24", offline, name);
    expect(kept.day).toEqual(day);
    expect(kept.loadedAt).not.toBeNull();
    // Another user on the same phone, or another day, has no copy.
    await expect(dayOnPhone("u2:2026-11-24", offline, name)).rejects.toThrow("Failed to fetch");
    const refused = () => Promise.reject(new Error("forbidden"));
    await expect(dayOnPhone("u1:2026-11-24", refused, name)).rejects.toThrow("forbidden");
    await forgetKeptDays(name);
    await expect(dayOnPhone("u1:2026-11-24", offline, name)).rejects.toThrow("Failed to fetch");
  });
});
