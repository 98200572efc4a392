import type { Role } from "@tt/domain";
import { expect } from "vitest";
import type { UnitOfWork } from "../../../ports";
import type { Actor } from "../../../shared";
import { AppError } from "../../../shared";

let counter = 0;

/** A new, empty organisation with one user of the given role, acting for a stated purpose. */
export async function anOrganisation(unitOfWork: UnitOfWork, role: Role = "admin"): Promise<Actor> {
  counter += 1;
  const identity = unitOfWork.repositories.identity;
  const organisation = await identity.createOrganisation({
    name: `County ${counter}`,
    kind: "council",
  });
  const user = await identity.createUser({
    organisationId: organisation.id,
    email: `officer${counter}.${organisation.id.slice(0, 8)}@example.org`,
    displayName: "Transport Officer",
    role,
    passwordHash: "not-a-real-hash",
  });
  return { userId: user.id, organisationId: organisation.id, role, purpose: "test import" };
}

/** Yields the text as byte chunks of a fixed size, as a file read from disk would arrive. */
export async function* chunked(text: string, size = 4096): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

/** All chunks of an export as one string. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** The `AppError` a promise rejects with; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
