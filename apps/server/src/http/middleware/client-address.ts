import { BlockList, isIP } from "node:net";
import type { Context } from "hono";

/**
 * Which proxies in front of the server to believe about the client's address
 * (`TT_TRUSTED_PROXIES`). By default none: `X-Forwarded-For` is ignored, since any client can
 * send it.
 */
export type TrustedProxies =
  | { readonly kind: "none" }
  /** This many proxies, each appending the address it saw to `X-Forwarded-For`. */
  | { readonly kind: "hops"; readonly hops: number }
  /** Proxies at these addresses or CIDR ranges. */
  | { readonly kind: "addresses"; readonly list: BlockList; readonly text: string };

export const NO_TRUSTED_PROXIES: TrustedProxies = { kind: "none" };

/**
 * `TT_TRUSTED_PROXIES`: empty (none), a hop count ("1"), or a comma-separated list of addresses
 * and CIDR ranges ("10.0.0.0/8, ::1"). Throws naming the setting and the entry that is wrong.
 */
export function parseTrustedProxies(
  text: string | undefined,
  setting = "TT_TRUSTED_PROXIES",
): TrustedProxies {
  const trimmed = text?.trim() ?? "";
  if (trimmed === "" || trimmed === "0") return NO_TRUSTED_PROXIES;
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    if (hops > 10) throw new Error(`${setting}: a hop count must be from 0 to 10, got ${hops}.`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of trimmed.split(",").map((part) => part.trim())) {
    addEntry(list, entry, setting);
  }
  return { kind: "addresses", list, text: trimmed };
}

function addEntry(list: BlockList, entry: string, setting: string): void {
  const [address = "", prefix, extra] = entry.split("/");
  const family = isIP(address);
  const bits = prefix === undefined ? undefined : Number(prefix);
  const maxBits = family === 6 ? 128 : 32;
  const validPrefix =
    bits === undefined || (Number.isInteger(bits) && bits >= 0 && bits <= maxBits);
  if (family === 0 || extra !== undefined || !validPrefix || prefix === "") {
    throw new Error(
      `${setting}: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8); give a hop count or a comma-separated list.`,
    );
  }
  const type = family === 6 ? "ipv6" : "ipv4";
  if (bits === undefined) list.addAddress(address, type);
  else list.addSubnet(address, bits, type);
}

interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

/** `::ffff:192.0.2.1` → `192.0.2.1`; anything that is not an IP address → undefined. */
function normalise(address: string | undefined): string | undefined {
  const trimmed = address?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return trimmed && isIP(trimmed) ? trimmed : undefined;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the connection's peer as `@hono/node-server` saw it, or, behind trusted
 * proxies, the address they report in `X-Forwarded-For` (read from the right, skipping the trusted
 * proxies). Undefined when the request did not come through a socket.
 */
export function clientAddressOf(c: Context, trusted: TrustedProxies): string | undefined {
  const bindings = c.env as NodeBindings | undefined;
  const peer = normalise(bindings?.incoming?.socket?.remoteAddress);
  if (!peer || trusted.kind === "none") return peer;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const chain = [...forwarded, peer];
  if (trusted.kind === "hops") {
    const index = Math.max(0, chain.length - 1 - trusted.hops);
    return normalise(chain[index]) ?? peer;
  }
  let index = chain.length - 1;
  while (index > 0) {
    const address = normalise(chain[index]);
    if (!address || !isTrusted(trusted.list, address)) break;
    index -= 1;
  }
  return normalise(chain[index]) ?? peer;
}
