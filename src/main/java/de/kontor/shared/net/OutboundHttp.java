package de.kontor.shared.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The one way Kontor fetches a URL that a person or an external source gave it (link previews, feeds, Mastodon).
 * Guards against server-side request forgery: only http and https; every address the host resolves to must be
 * public (no loopback, private, link-local, unique-local, multicast or unspecified addresses) unless an admin
 * allow-listed the host or its range in {@code kontor.outbound.allowed-hosts}; redirects are followed by hand and each
 * target is checked again; the body is read up to a size limit and the whole exchange up to a time limit.
 *
 * <p>What it does not close: the JDK client resolves the host once more when it connects, so a DNS server that
 * answers differently within milliseconds (DNS rebinding) could still steer a request. Pinning the checked address
 * would break TLS host name checks with the JDK client; a deployment that needs more puts an egress proxy in front.
 */
@Component
public class OutboundHttp {

    private static final String USER_AGENT = "Kontor/0.1 (+https://github.com/kontor; link preview and feeds)";

    private final OutboundProperties properties;
    private final List<AddressRange> allowedRanges;
    private final List<String> allowedHosts;
    private final HttpClient client;

    public OutboundHttp(OutboundProperties properties) {
        this.properties = properties;
        this.allowedRanges = properties.allowedHosts().stream().filter(AddressRange::looksLikeAddress)
                .map(AddressRange::parse).toList();
        this.allowedHosts = properties.allowedHosts().stream().filter(h -> !AddressRange.looksLikeAddress(h))
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    /** Why a fetch was refused or failed; each reason has a message key {@code outbound.<reason>} for people. */
    public enum Reason {
        SCHEME, HOST, FORBIDDEN_ADDRESS, TOO_LARGE, TIMEOUT, TOO_MANY_REDIRECTS, UNREACHABLE;

        public String messageKey() {
            return "outbound." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A refused or failed fetch; {@link #getMessage()} carries a technical detail for logs and source error states. */
    public static final class Refused extends RuntimeException {
        private final Reason reason;

        public Refused(Reason reason, String detail) {
            super(reason + ": " + detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** A completed exchange (any status); {@code uri} is the final address after redirects. */
    public record Response(URI uri, int status, HttpHeaders headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The media type without parameters, lower case, or an empty string. */
        public String mediaType() {
            return header("Content-Type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        }
    }

    /** Checks a URL without fetching it: throws {@link Refused} with the reason when Kontor would not fetch it. */
    public void check(URI uri) {
        requireAllowed(uri);
    }

    /** GET with the default size limit. */
    public Response get(URI uri, Map<String, String> headers) {
        return get(uri, headers, properties.maxSize().toBytes());
    }

    /**
     * GET {@code uri} with extra request headers (e.g. {@code If-None-Match}), following up to
     * {@code kontor.outbound.max-redirects} redirects, each checked like the first address.
     */
    public Response get(URI uri, Map<String, String> headers, long maxBytes) {
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        URI current = uri;
        for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
            requireAllowed(current);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new Refused(Reason.TIMEOUT, current.toString());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET().timeout(left)
                    .header("User-Agent", USER_AGENT);
            headers.forEach(request::header);
            HttpResponse<InputStream> response = send(request.build(), current);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
                close(response.body());
                current = current.resolve(location.get().strip());
                continue;
            }
            return new Response(current, status, response.headers(), read(response.body(), maxBytes, current));
        }
        throw new Refused(Reason.TOO_MANY_REDIRECTS, uri.toString());
    }

    private HttpResponse<InputStream> send(HttpRequest request, URI uri) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Refused(Reason.TIMEOUT, uri.toString());
        } catch (IOException e) {
            throw new Refused(Reason.UNREACHABLE, uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(Reason.TIMEOUT, uri + ": interrupted");
        }
    }

    private static byte[] read(InputStream in, long maxBytes, URI uri) {
        try (in) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new Refused(Reason.TOO_LARGE, uri + " is larger than " + maxBytes + " bytes");
            }
            return body;
        } catch (InterruptedIOException e) {
            throw new Refused(Reason.TIMEOUT, uri.toString());
        } catch (IOException e) {
            throw new Refused(Reason.UNREACHABLE, uri + ": " + e);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the redirect's body is not needed; a failed close only frees the connection later
        }
    }

    private void requireAllowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused(Reason.SCHEME, String.valueOf(uri.getScheme()));
        }
        String host = uri.getHost();
        if (host == null || host.isBlank() || uri.getRawUserInfo() != null) {
            throw new Refused(Reason.HOST, uri.toString());
        }
        String name = IDN.toASCII(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                .toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(name)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new Refused(Reason.HOST, name);
        }
        for (InetAddress address : addresses) {
            if (!AddressRange.isPublic(address) && allowedRanges.stream().noneMatch(r -> r.contains(address))) {
                throw new Refused(Reason.FORBIDDEN_ADDRESS, name + " -> " + address.getHostAddress());
            }
        }
    }
}
