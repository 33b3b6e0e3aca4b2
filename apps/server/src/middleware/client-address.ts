import { BlockList, isIPv4 } from "node:net";
import type { ProxyTrust } from "@cryptotrade/config";
import type { Context } from "hono";
import type { AppEnv } from "../app-env";

// IPv4 or IPv6 text; anything else in the header is junk and is not used as a rate-limit key.
const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;
// A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; the lists name it a.b.c.d.
const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

const proxyLists = new WeakMap<ProxyTrust, BlockList>();

/** The configured proxies as one list to check peers against, built once per config. */
function proxyListOf(trust: ProxyTrust): BlockList {
  let list = proxyLists.get(trust);
  if (!list) {
    list = new BlockList();
    for (const entry of trust.proxies) {
      const [address = "", bits] = entry.split("/");
      const family = isIPv4(address) ? "ipv4" : "ipv6";
      if (bits === undefined) list.addAddress(address, family);
      else list.addSubnet(address, Number(bits), family);
    }
    proxyLists.set(trust, list);
  }
  return list;
}

/**
 * Whether the peer (the socket's address) is a proxy whose `X-Forwarded-*` headers are
 * believed: any peer under TRUST_PROXY, only the listed ones under TRUSTED_PROXIES.
 */
export function isTrustedProxy(trust: ProxyTrust, peer: string | undefined): boolean {
  if (trust.anyPeer) return true;
  if (!peer || trust.proxies.length === 0) return false;
  const address = peer.match(MAPPED_IPV4)?.[1] ?? peer;
  return proxyListOf(trust).check(address, isIPv4(address) ? "ipv4" : "ipv6");
}

/**
 * The caller's address. From a trusted proxy (see `isTrustedProxy`) it is the last
 * `X-Forwarded-For` entry, the one our proxy appended; entries before it are whatever the
 * client claimed, so a client cannot pick the address its rate limits are counted under.
 * From any other peer the header is ignored entirely.
 */
export function resolveClientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trust: ProxyTrust,
): string {
  if (isTrustedProxy(trust, socketAddress)) {
    const last = forwardedFor?.split(",").at(-1)?.trim();
    if (last && ADDRESS.test(last)) return last;
  }
  return socketAddress ?? "unknown";
}

/** The socket's address of a Hono request served by Node; undefined under `app.fetch`. */
export function getPeerAddress(c: Context<AppEnv>): string | undefined {
  return c.env?.incoming?.socket.remoteAddress;
}

/** `resolveClientAddress` for a Hono request. */
export function getClientAddress(c: Context<AppEnv>, trust: ProxyTrust): string {
  return resolveClientAddress(c.req.header("x-forwarded-for"), getPeerAddress(c), trust);
}
