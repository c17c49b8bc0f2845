package org.recsregistry.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps deliveries from reaching inside the network: a target whose name resolves to a loopback,
 * link-local (cloud metadata at 169.254.169.254), private, unique-local, multicast or unspecified
 * address is refused.
 *
 * <p>Checked before every attempt, on the addresses the name resolves to then, so a name that
 * pointed outside when the subscription was made and inside later (DNS rebinding) is refused too.
 * The HTTP client's own lookup follows at once and is answered from the JVM's address cache
 * (networkaddress.cache.ttl, 30 s by default; it must not be set to 0), with the addresses checked here.
 */
final class WebhookTargets {

    private WebhookTargets() {
    }

    /** Why a delivery must not go to this URL, or null when it may. */
    static String refusal(String url) {
        String host = URI.create(url).getHost();
        if (host == null) {
            return "Refused: the URL has no host";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "UnknownHostException: " + host;
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return "Refused: " + host + " resolves to " + address.getHostAddress()
                        + ", an internal address (see registry.webhooks.allow-private-targets)";
            }
        }
        return null;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7, unique local; and IPv4 written in IPv6 (::a.b.c.d) is judged as the IPv4 address.
            return (b[0] & 0xfe) == 0xfc || ((Inet6Address) address).isIPv4CompatibleAddress()
                    && internal(ipv4(b[12], b[13], b[14], b[15]));
        }
        // 0.0.0.0/8 (this network) and 100.64.0.0/10 (carrier-grade NAT), which Java does not flag.
        return b[0] == 0 || (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static InetAddress ipv4(byte... bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
