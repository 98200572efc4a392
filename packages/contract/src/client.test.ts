import { describe, expect, it } from "vitest";
import { ApiError, createClient, type Fetch } from "./client";

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(response: () => Response): { fetch: Fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  return {
    seen,
    fetch: async (url, init) => {
      seen.push({ url, init });
      return response();
    },
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("the API client", () => {
  it("sends the token, the CSRF header and the purpose, and builds the URL", async () => {
    const { fetch, seen } = fakeFetch(() => json({ items: [], total: 0, offset: 0, limit: 5 }));
    const client = createClient({ baseUrl: "http://tt.test/", fetch, token: "tt_abc" });
    await client.withPurpose("review").list("tripRequests", { limit: 5, status: "booked" });
    expect(seen[0]?.url).toBe("http://tt.test/api/trip-requests?limit=5&status=booked");
    expect(seen[0]?.init?.headers).toMatchObject({
      authorization: "Bearer tt_abc",
      "X-Requested-With": "tt-client",
      "x-purpose": "review",
    });
  });

  it("sends JSON bodies and CSV files with their content types", async () => {
    const { fetch, seen } = fakeFetch(() => json({ kind: "places", rowsRead: 1, created: 1 }, 201));
    const client = createClient({ baseUrl: "", fetch });
    await client.create("funders", { name: "SEND", kind: "send" });
    await client.importCsv("places", "reference,name\nS-1,School\n");
    expect(seen[0]?.init).toMatchObject({ method: "POST", body: '{"name":"SEND","kind":"send"}' });
    expect(seen[0]?.init?.headers).toMatchObject({ "content-type": "application/json" });
    expect(seen[1]?.url).toBe("/api/places/import");
    expect(seen[1]?.init?.headers).toMatchObject({ "content-type": "text/csv" });
  });

  it("throws ApiError with the code and details of an error answer", async () => {
    const body = {
      code: "validation-failed",
      message: "bad",
      details: [{ path: "name", message: "x" }],
    };
    const { fetch } = fakeFetch(() => json(body, 422));
    const error = await createClient({ baseUrl: "", fetch })
      .create("funders", { name: "", kind: "send" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: "validation-failed", details: body.details });
  });

  it("turns a non-JSON failure into an internal ApiError", async () => {
    const { fetch } = fakeFetch(() => new Response("Bad gateway", { status: 502 }));
    await expect(createClient({ baseUrl: "", fetch }).health()).rejects.toMatchObject({
      status: 502,
      code: "internal",
    });
  });

  it("answers undefined for 204", async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(
      createClient({ baseUrl: "", fetch }).remove("places", "id"),
    ).resolves.toBeUndefined();
  });
});
