import { createHash, randomBytes } from "node:crypto";
import type { OrganisationInput, Role } from "@tt/domain";
import { AppError } from "../errors";
import type { Clock, Organisation, UnitOfWork, User } from "../ports";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./passwords";

export const SESSION_HOURS = 12;
export const API_TOKEN_PREFIX = "tt_";

/** SHA-256 of a bearer secret: only hashes are stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export interface SignedIn {
  readonly user: User;
  readonly sessionToken: string;
  readonly expiresAt: Date;
}

/** Local accounts: passwords (scrypt), browser sessions and API tokens. */
export class AuthService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async createOrganisation(input: OrganisationInput): Promise<Organisation> {
    return this.unitOfWork.repositories.identity.createOrganisation(input);
  }

  async createUser(input: {
    organisationId: string;
    email: string;
    displayName: string;
    role: Role;
    password: string;
  }): Promise<User> {
    const weakness = checkPasswordStrength(input.password);
    if (weakness)
      throw new AppError("validation-failed", "The password is too weak.", [
        { path: "password", message: weakness },
      ]);
    const { password, ...rest } = input;
    return this.unitOfWork.repositories.identity.createUser({
      ...rest,
      passwordHash: await hashPassword(password),
    });
  }

  async signIn(email: string, password: string): Promise<SignedIn> {
    const identity = this.unitOfWork.repositories.identity;
    const found = await identity.findUserByEmail(email.trim());
    const valid = found ? await verifyPassword(password, found.passwordHash) : false;
    if (!found || !valid || found.disabled) {
      throw new AppError("unauthenticated", "The email address or password is not right.");
    }
    const sessionToken = newSecret();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_HOURS * 3_600_000);
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
      ? await identity.findApiTokenUser(hashSecret(credential.apiToken))
      : credential.sessionToken
        ? await identity.findSessionUser(hashSecret(credential.sessionToken), this.clock.now())
        : undefined;
    return user && !user.disabled ? user : undefined;
  }

  /** Issues an API token; the secret is returned once and never stored. */
  async issueApiToken(userId: string, name: string): Promise<{ id: string; token: string }> {
    const token = newSecret(API_TOKEN_PREFIX);
    const { id } = await this.unitOfWork.repositories.identity.createApiToken(
      userId,
      name,
      hashSecret(token),
    );
    return { id, token };
  }
}
