import { randomBytes } from "node:crypto";
import type { OrganisationInput, Role } from "@tt/domain";
import type { ApiTokenSummary, Clock, Organisation, UnitOfWorkOf, User } from "../ports";
import { AppError, notFound } from "../shared";
import { createMemorySignInAttemptStore } from "./memory-sign-in-attempts";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./passwords";
import { hashSecret } from "./secrets";
import {
  SIGN_IN_RULES,
  type SignInAttemptStore,
  type SignInRules,
  SignInThrottle,
} from "./sign-in-throttle";

export const SESSION_HOURS = 12;
export const API_TOKEN_PREFIX = "tt_";
/** How long an API token lives unless asked otherwise, and the longest it may live. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

/**
 * A scrypt hash of a throwaway password, with the same parameters as real hashes: sign-in checks
 * the password against it when there is no such user, so an unknown email takes as long to refuse
 * as a wrong password and the timing does not reveal which emails have accounts.
 */
const DUMMY_PASSWORD_HASH =
  "scrypt$16384$8$1$gvPYNwj/6eMwPAvAAdOQUQ==$iSWeI0adRe1NQOddN3Qg1ln7pPVd2T/0CxsjcVVyPQs=";

function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

function linkError(path: string, message: string): AppError {
  return new AppError("validation-failed", "The user's link is not valid.", [{ path, message }]);
}

export interface IssuedApiToken {
  readonly id: string;
  readonly token: string;
  readonly expiresAt: Date;
}

function checkTokenLifetime(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS) {
    throw new AppError("validation-failed", "The token lifetime is not valid.", [
      { path: "expiresInDays", message: `must be a whole number from 1 to ${API_TOKEN_MAX_DAYS}` },
    ]);
  }
}

export interface SignedIn {
  readonly user: User;
  readonly sessionToken: string;
  readonly expiresAt: Date;
}

export interface AuthOptions {
  /** Where sign-in failures are counted (default: this process's memory; servers pass the database's). */
  readonly signInAttempts?: SignInAttemptStore;
  readonly signInRules?: SignInRules;
}

/** Local accounts: passwords (scrypt), browser sessions and API tokens. */
export class AuthService {
  private readonly throttle: SignInThrottle;

  constructor(
    private readonly unitOfWork: UnitOfWorkOf<"identity" | "staff" | "operators">,
    private readonly clock: Clock,
    options: AuthOptions = {},
  ) {
    this.throttle = new SignInThrottle(
      options.signInAttempts ?? createMemorySignInAttemptStore(),
      options.signInRules ?? SIGN_IN_RULES,
    );
  }

  async createOrganisation(input: OrganisationInput): Promise<Organisation> {
    return this.unitOfWork.repositories.identity.createOrganisation(input);
  }

  async createUser(input: {
    organisationId: string;
    email: string;
    displayName: string;
    role: Role;
    password: string;
    /** A driver's own staff record (drivers and passenger assistants sign in as `driver`). */
    staffId?: string;
    /** A fleet manager's operator record (role `operator`). */
    operatorId?: string;
  }): Promise<User> {
    const weakness = checkPasswordStrength(input.password);
    if (weakness)
      throw new AppError("validation-failed", "The password is too weak.", [
        { path: "password", message: weakness },
      ]);
    await this.checkLinks(input);
    const { password, ...rest } = input;
    return this.unitOfWork.repositories.identity.createUser({
      ...rest,
      passwordHash: await hashPassword(password),
    });
  }

  /**
   * A staff record links only a driver, an operator record only a fleet manager, and either must
   * be a record of the user's own organisation.
   */
  private async checkLinks(input: {
    organisationId: string;
    role: Role;
    staffId?: string;
    operatorId?: string;
  }): Promise<void> {
    const repos = this.unitOfWork.repositories;
    const { organisationId: org, staffId, operatorId } = input;
    if (staffId !== undefined) {
      if (input.role !== "driver")
        throw linkError("staffId", "only a driver user has a staff record");
      if (!(await repos.staff.find(org, staffId))) throw notFound("staff member", staffId);
    }
    if (operatorId !== undefined) {
      if (input.role !== "operator") {
        throw linkError("operatorId", "only an operator user has an operator record");
      }
      if (!(await repos.operators.find(org, operatorId))) throw notFound("operator", operatorId);
    }
  }

  /**
   * Signs in with a password, under the sign-in rules (`SignInThrottle`): throws
   * `SignInThrottledError` (429) while the account must wait, or when a wrong password comes from
   * an address over its limit; a right password is never refused for its address alone.
   */
  async signIn(
    email: string,
    password: string,
    from: { readonly address?: string } = {},
  ): Promise<SignedIn> {
    const identity = this.unitOfWork.repositories.identity;
    const found = await identity.findUserByEmail(email.trim());
    const attempt = { email, ...from, ...(found ? { userId: found.id } : {}) };
    const keys = await this.throttle.check(attempt, this.clock.now());
    const valid = await verifyPassword(password, found?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!found || !valid || found.disabled) {
      await this.throttle.fail(keys, this.clock.now());
      throw new AppError("unauthenticated", "The email address or password is not right.");
    }
    const now = this.clock.now();
    await this.throttle.succeed(keys, now);
    await identity.purgeExpiredSessions(now);
    const sessionToken = newSecret();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
    await identity.createSession(found.id, hashSecret(sessionToken), expiresAt);
    const { passwordHash: _hash, ...user } = found;
    return { user, sessionToken, expiresAt };
  }

  async signOut(sessionToken: string): Promise<void> {
    await this.unitOfWork.repositories.identity.deleteSession(hashSecret(sessionToken));
  }

  /** The user behind a session cookie or an API token, if any and still valid. */
  async authenticate(credential: {
    sessionToken?: string;
    apiToken?: string;
  }): Promise<User | undefined> {
    const identity = this.unitOfWork.repositories.identity;
    const user = credential.apiToken
      ? await identity.findApiTokenUser(hashSecret(credential.apiToken), this.clock.now())
      : credential.sessionToken
        ? await identity.findSessionUser(hashSecret(credential.sessionToken), this.clock.now())
        : undefined;
    return user && !user.disabled ? user : undefined;
  }

  /** Issues an API token that expires after `expiresInDays`; the secret is returned once. */
  async issueApiToken(
    userId: string,
    name: string,
    expiresInDays: number = API_TOKEN_DEFAULT_DAYS,
  ): Promise<IssuedApiToken> {
    checkTokenLifetime(expiresInDays);
    const token = newSecret(API_TOKEN_PREFIX);
    const expiresAt = new Date(this.clock.now().getTime() + expiresInDays * 86_400_000);
    const { id } = await this.unitOfWork.repositories.identity.createApiToken(
      userId,
      name,
      hashSecret(token),
      expiresAt,
    );
    return { id, token, expiresAt };
  }

  /** The user's own API tokens, newest first, without their secrets. */
  async listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
    return this.unitOfWork.repositories.identity.listApiTokens(userId);
  }

  /** Revokes one of the user's own API tokens; anyone else's is not found. */
  async revokeApiToken(userId: string, tokenId: string): Promise<void> {
    const revoked = await this.unitOfWork.repositories.identity.revokeApiToken(userId, tokenId);
    if (!revoked) throw notFound("API token", tokenId);
  }
}
