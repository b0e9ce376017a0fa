import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addressLimitKey, clientAddressFrom, normalizeAddress } from "@/lib/domain/requests/client-address";

describe("clientAddressFrom", () => {
  it("without trusted proxies, takes the socket and ignores any X-Forwarded-For", () => {
    expect(clientAddressFrom({ socketAddress: "203.0.113.7", forwardedFor: "1.2.3.4", trustedProxyHops: 0 })).toBe("203.0.113.7");
    expect(clientAddressFrom({ socketAddress: "::ffff:203.0.113.7", forwardedFor: undefined, trustedProxyHops: 0 })).toBe("203.0.113.7");
  });

  it("behind one proxy, takes the hop that proxy appended, not what the client wrote on the left", () => {
    expect(clientAddressFrom({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.9", trustedProxyHops: 1 })).toBe("198.51.100.9");
    expect(clientAddressFrom({ socketAddress: "10.0.0.2", forwardedFor: ["1.2.3.4", "198.51.100.9"], trustedProxyHops: 1 })).toBe("198.51.100.9");
  });

  it("behind two proxies, takes the second hop from the right", () => {
    expect(clientAddressFrom({ socketAddress: "10.0.0.3", forwardedFor: "6.6.6.6, 198.51.100.9, 10.0.0.2", trustedProxyHops: 2 })).toBe("198.51.100.9");
  });

  it("a request that skipped the proxies counts with the left-most address known", () => {
    expect(clientAddressFrom({ socketAddress: "198.51.100.9", forwardedFor: undefined, trustedProxyHops: 1 })).toBe("198.51.100.9");
    expect(clientAddressFrom({ socketAddress: "10.0.0.3", forwardedFor: "198.51.100.9", trustedProxyHops: 3 })).toBe("198.51.100.9");
  });

  it("garbage in the trusted hop falls back to the socket", () => {
    expect(clientAddressFrom({ socketAddress: "10.0.0.2", forwardedFor: "nimporte-quoi", trustedProxyHops: 1 })).toBe("10.0.0.2");
  });

  it("whatever the client writes in X-Forwarded-For, it never chooses the address (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 6 }), fc.ipV4(), fc.integer({ min: 0, max: 3 }), (forged, proxyAppended, hops) => {
        // What the client sent, then what each of the `hops` trusted proxies appended (the first one saw the client).
        const trustedHops = hops === 0 ? [] : [proxyAppended, ...Array.from({ length: hops - 1 }, (_, i) => `10.0.0.${i + 1}`)];
        const header = [...forged, ...trustedHops].join(", ");
        const socket = hops === 0 ? proxyAppended : `10.0.0.${hops}`;
        expect(clientAddressFrom({ socketAddress: socket, forwardedFor: header, trustedProxyHops: hops })).toBe(proxyAppended);
      }),
    );
  });
});

describe("normalizeAddress and addressLimitKey", () => {
  it("strips ports and brackets, refuses non-addresses", () => {
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("198.51.100.9:5000")).toBe("198.51.100.9");
    expect(normalizeAddress("unknown")).toBeNull();
  });

  it("counts IPv6 per /64 and IPv4 per address", () => {
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressLimitKey("2001:0db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressLimitKey("198.51.100.9")).toBe("198.51.100.9");
  });
});
