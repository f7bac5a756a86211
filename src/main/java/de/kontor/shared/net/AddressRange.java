package de.kontor.shared.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address range in CIDR notation, and the test whether an address is public (routable on the internet). */
record AddressRange(byte[] network, int prefix) {

    /** {@code 10.0.0.0/8}, {@code fd00::/8} or a single address; only literal addresses, never resolved names. */
    static AddressRange parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] address = literal(parts[0]);
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        if (prefix < 0 || prefix > address.length * 8) {
            throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new AddressRange(address, prefix);
    }

    static boolean looksLikeAddress(String text) {
        String host = text.strip().split("/", 2)[0];
        return host.contains(":") || host.matches("[0-9.]+");
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    private static final AddressRange[] NOT_PUBLIC = {
            parse("0.0.0.0/8"), parse("10.0.0.0/8"), parse("100.64.0.0/10"), parse("127.0.0.0/8"),
            parse("169.254.0.0/16"), parse("172.16.0.0/12"), parse("192.0.0.0/24"), parse("192.168.0.0/16"),
            parse("198.18.0.0/15"), parse("224.0.0.0/4"), parse("240.0.0.0/4"),
            parse("::/128"), parse("::1/128"), parse("fc00::/7"), parse("fe80::/10"), parse("ff00::/8"),
            parse("64:ff9b::/96"), parse("2001:db8::/32")};

    /** False for loopback, private, shared (CGNAT), link-local, unique-local, multicast, reserved and NAT64 ranges. */
    static boolean isPublic(InetAddress address) {
        InetAddress plain = unmapped(address);
        for (AddressRange range : NOT_PUBLIC) {
            if (range.contains(plain)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ::ffff:10.0.0.1} is 10.0.0.1: checked as the IPv4 address it reaches. */
    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    private static byte[] literal(String text) {
        if (!looksLikeAddress(text)) {
            throw new IllegalArgumentException("not an address: " + text);
        }
        try {
            // a literal never triggers a DNS lookup
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + text, e);
        }
    }
}
