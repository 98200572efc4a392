import { describe, expect, it } from "vitest";
import { auditQueryOf, readAccessLogSearch } from "./access-log-search";

const ID = "0b6f1c9e-3a0e-4c5b-9b53-2a8c1f0d7e11";

describe("the access log's address", () => {
  it("reads the person, agreement, record and page, leaving out what is absent", () => {
    expect(readAccessLogSearch({ agreementId: ID, page: "2", resourceId: " p-1 " })).toEqual({
      agreementId: ID,
      page: 2,
      resourceId: "p-1",
    });
    expect(readAccessLogSearch({})).toEqual({});
  });

  it("names a person or agreement that is not an id", () => {
    expect(() => readAccessLogSearch({ userId: "bob" })).toThrow(
      'The address\'s "userId" on the access log must be an id, not "bob".',
    );
  });

  it("asks the API for the address's page", () => {
    expect(auditQueryOf({ userId: ID, page: 3 }, 25)).toEqual({
      userId: ID,
      offset: 50,
      limit: 25,
    });
    expect(auditQueryOf({}, 25)).toEqual({ offset: 0, limit: 25 });
  });
});
