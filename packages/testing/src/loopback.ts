/**
 * A loopback address of its own for client `index` of address block `block`: Linux routes all
 * of 127.0.0.0/8 to the loopback device, so a load process can bind each client to another
 * source address and the server's per-address limits (request weight, connects) count each
 * client apart, as they would count separate bots. Block 0 is never used: 127.0.x.y holds
 * 127.0.0.1, where the server and everyone else's clients live.
 *
 * @example
 * loopbackAddress(3, 0); // "127.3.0.1"
 * loopbackAddress(3, 254); // "127.3.1.1"
 */
export function loopbackAddress(block: number, index: number): string {
  if (!Number.isInteger(block) || block < 1 || block > 255) throw new Error(`bad block ${block}`);
  if (!Number.isInteger(index) || index < 0 || index >= 254 * 256) {
    throw new Error(`bad index ${index}`);
  }
  // 1..254 in the last octet: .0 and .255 read as network and broadcast to some tools.
  return `127.${block}.${Math.floor(index / 254)}.${(index % 254) + 1}`;
}
