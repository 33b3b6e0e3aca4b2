import { describe, expect, it } from "vitest";
import { loopbackAddress } from "./loopback";

describe("loopbackAddress", () => {
  it("gives each client of a block an address of its own, never a .0 or .255", () => {
    const addresses = Array.from({ length: 1_000 }, (_, i) => loopbackAddress(12, i));
    expect(new Set(addresses).size).toBe(1_000);
    expect(addresses.slice(0, 2)).toEqual(["127.12.0.1", "127.12.0.2"]);
    expect(addresses[253]).toBe("127.12.0.254");
    expect(addresses[254]).toBe("127.12.1.1");
    expect(addresses.every((a) => /^127\.12\.\d+\.(\d+)$/.test(a) && !/\.(0|255)$/.test(a))).toBe(
      true,
    );
  });

  it("keeps away from 127.0.x.y and refuses what is not an address", () => {
    expect(() => loopbackAddress(0, 1)).toThrow("bad block");
    expect(() => loopbackAddress(256, 1)).toThrow("bad block");
    expect(() => loopbackAddress(1, -1)).toThrow("bad index");
    expect(() => loopbackAddress(1, 254 * 256)).toThrow("bad index");
  });
});
