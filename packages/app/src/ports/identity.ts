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
}

export interface NewUser {
  readonly organisationId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string;
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
  createApiToken(userId: string, name: string, tokenHash: string): Promise<{ id: string }>;
  findApiTokenUser(tokenHash: string): Promise<User | undefined>;
}
