import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Clock, IdentityStore, UnitOfWork, User } from "../ports";
import { AuthService } from "./auth-service";
import { hashPassword, verifyPassword } from "./passwords";
import { hashSecret } from "./secrets";

vi.mock("./passwords", async (importOriginal) => {
  const original = await importOriginal<typeof import("./passwords")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const NOW = new Date("2026-03-02T09:00:00Z");
const DAY_MS = 86_400_000;
const PASSWORD = "correct horse battery staple";

const USER: User = {
  id: "00000000-0000-4000-8000-000000000001",
  organisationId: "00000000-0000-4000-8000-000000000002",
  email: "agent@county.example",
  displayName: "Agent",
  role: "booking-agent",
  disabled: false,
};

/** Only the identity calls sign-in and tokens make, recorded for the assertions. */
function fakeIdentity(passwordHash: string) {
  return {
    findUserByEmail: vi.fn(async (email: string) =>
      email === USER.email ? { ...USER, passwordHash } : undefined,
    ),
    purgeExpiredSessions: vi.fn(async (_now: Date) => 0),
    createSession: vi.fn(async () => undefined),
    createApiToken: vi.fn(async () => ({ id: "token-1" })),
    revokeApiToken: vi.fn(async () => false),
  };
}

function serviceWith(identity: ReturnType<typeof fakeIdentity>) {
  const unitOfWork = {
    repositories: { identity: identity as Partial<IdentityStore> },
  } as unknown as UnitOfWork;
  const clock: Clock = { now: () => NOW };
  return new AuthService(unitOfWork, clock);
}

describe("AuthService", () => {
  let passwordHash: string;
  beforeEach(async () => {
    passwordHash ??= await hashPassword(PASSWORD);
    vi.mocked(verifyPassword).mockClear();
  });

  it("checks a password against a dummy hash when there is no such user", async () => {
    const identity = fakeIdentity(passwordHash);
    const refused = await serviceWith(identity)
      .signIn("nobody@county.example", PASSWORD)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "unauthenticated" });
    expect(verifyPassword).toHaveBeenCalledTimes(1);
    const [, hash] = vi.mocked(verifyPassword).mock.calls[0]!;
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toBe(passwordHash);
  });

  it("refuses an unknown email and a wrong password with the same error", async () => {
    const service = serviceWith(fakeIdentity(passwordHash));
    const unknown = await service.signIn("nobody@county.example", PASSWORD).catch((e) => e);
    const wrong = await service.signIn(USER.email, "not the password").catch((e) => e);
    expect(unknown).toEqual(wrong);
  });

  it("purges expired sessions when someone signs in", async () => {
    const identity = fakeIdentity(passwordHash);
    const signedIn = await serviceWith(identity).signIn(USER.email, PASSWORD);
    expect(identity.purgeExpiredSessions).toHaveBeenCalledWith(NOW);
    expect(signedIn.user).toEqual(USER);
  });

  it("issues API tokens for 90 days unless asked otherwise, and at most 365", async () => {
    const identity = fakeIdentity(passwordHash);
    const service = serviceWith(identity);
    const standard = await service.issueApiToken(USER.id, "laptop");
    expect(standard.expiresAt).toEqual(new Date(NOW.getTime() + 90 * DAY_MS));
    expect(identity.createApiToken).toHaveBeenCalledWith(
      USER.id,
      "laptop",
      hashSecret(standard.token),
      standard.expiresAt,
    );
    const week = await service.issueApiToken(USER.id, "week", 7);
    expect(week.expiresAt).toEqual(new Date(NOW.getTime() + 7 * DAY_MS));
    for (const days of [0, 366, 2.5]) {
      await expect(service.issueApiToken(USER.id, "bad", days)).rejects.toMatchObject({
        code: "validation-failed",
      });
    }
  });

  it("answers not-found when revoking a token the user does not own", async () => {
    const identity = fakeIdentity(passwordHash);
    await expect(serviceWith(identity).revokeApiToken(USER.id, "token-9")).rejects.toMatchObject({
      code: "not-found",
    });
    expect(identity.revokeApiToken).toHaveBeenCalledWith(USER.id, "token-9");
  });
});
