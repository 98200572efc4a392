import { createHash } from "node:crypto";

/** SHA-256 of a bearer secret (or a throttle key): only hashes are stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
