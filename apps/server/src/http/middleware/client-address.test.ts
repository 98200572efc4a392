import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddressOf, parseTrustedProxies, type TrustedProxies } from "./client-address";

/** The address the server would believe for a request from `peer` with `X-Forwarded-For`. */
async function believed(trusted: TrustedProxies, peer: string, forwarded?: string) {
  const app = new Hono();
  app.get("/", (c) => c.text(clientAddressOf(c, trusted) ?? "none"));
  const headers = forwarded ? { "x-forwarded-for": forwarded } : undefined;
  const res = await app.request(
    "/",
    { headers },
    { incoming: { socket: { remoteAddress: peer } } },
  );
  return res.text();
}

describe("client address", () => {
  it("believes only the connection by default", async () => {
    const none = parseTrustedProxies(undefined);
    expect(await believed(none, "::ffff:192.0.2.1", "203.0.113.9")).toBe("192.0.2.1");
    expect(await believed(parseTrustedProxies(""), "192.0.2.1", "203.0.113.9")).toBe("192.0.2.1");
  });

  it("reads X-Forwarded-For from the right past a hop count of proxies", async () => {
    const oneHop = parseTrustedProxies("1");
    expect(await believed(oneHop, "10.0.0.5", "198.51.100.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(await believed(oneHop, "10.0.0.5")).toBe("10.0.0.5");
    const twoHops = parseTrustedProxies("2");
    expect(await believed(twoHops, "10.0.0.5", "forged, 203.0.113.9, 10.0.0.6")).toBe(
      "203.0.113.9",
    );
  });

  it("skips trusted proxies by address or range, and stops at the first stranger", async () => {
    const listed = parseTrustedProxies("10.0.0.0/8, 2001:db8::1");
    expect(await believed(listed, "10.0.0.5", "198.51.100.7, 203.0.113.9, 10.1.2.3")).toBe(
      "203.0.113.9",
    );
    expect(await believed(listed, "192.0.2.1", "203.0.113.9")).toBe("192.0.2.1");
    expect(await believed(listed, "2001:db8::1", "203.0.113.9")).toBe("203.0.113.9");
  });

  it("refuses a setting that is neither a hop count nor addresses, naming the entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.local")).toThrow(
      /TT_TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range/,
    );
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/"10.0.0.0\/33"/);
    expect(() => parseTrustedProxies("11")).toThrow(/hop count must be from 0 to 10/);
  });
});
