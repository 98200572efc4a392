import type { OrganisationInput, Role } from "@tt/domain";

export interface Organisation extends OrganisationInput {
  readonly id: string;
}

export interface User {
  readonly id: string;
  readonly organisationId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  /** A driver's or passenger assistant's staff record: the runs they may see are its runs. */
  readonly staffId?: string;
  /** A fleet manager's operator record: the runs they may see are on its vehicles. */
  readonly operatorId?: string;
}

export interface NewUser {
  readonly organisationId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly staffId?: string;
  readonly operatorId?: string;
}

/** An API token as its owner may see it: never the secret or its hash. */
export interface ApiTokenSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revoked: boolean;
}

/** Organisations, users, sessions and API tokens. Secrets are stored only as hashes. */
export interface IdentityStore {
  createOrganisation(input: OrganisationInput): Promise<Organisation>;
  findOrganisation(id: string): Promise<Organisation | undefined>;
  listOrganisations(): Promise<Organisation[]>;
  createUser(user: NewUser): Promise<User>;
  findUserByEmail(email: string): Promise<(User & { passwordHash: string }) | undefined>;
  findUser(id: string): Promise<User | undefined>;
  listUsers(organisationId: string): Promise<User[]>;
  createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void>;
  findSessionUser(tokenHash: string, now: Date): Promise<User | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Deletes sessions that expired at or before `now`; answers how many. */
  purgeExpiredSessions(now: Date): Promise<number>;
  createApiToken(
    userId: string,
    name: string,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<{ id: string }>;
  /**
   * The owner of a token that is neither revoked nor expired at `now`; records its use (to the
   * minute: a use within a minute of the recorded one leaves it as it is).
   */
  findApiTokenUser(tokenHash: string, now: Date): Promise<User | undefined>;
  /** The user's own tokens, newest first. */
  listApiTokens(userId: string): Promise<ApiTokenSummary[]>;
  /** Revokes one of the user's own tokens; false when the user has no token with that id. */
  revokeApiToken(userId: string, tokenId: string): Promise<boolean>;
}
