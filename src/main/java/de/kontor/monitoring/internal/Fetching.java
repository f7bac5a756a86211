package de.kontor.monitoring.internal;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import de.kontor.shared.net.OutboundHttp;

/** The outbound fetch every source uses, with failures turned into {@link Fetched.Failed} / rate limits. */
final class Fetching {

    private Fetching() {
    }

    static OutboundHttp.Response get(OutboundHttp http, URI uri, Map<String, String> headers) {
        OutboundHttp.Response response;
        try {
            response = http.get(uri, headers);
        } catch (OutboundHttp.Refused e) {
            throw new Fetched.Failed(e.getMessage());
        }
        if (response.status() == 429) {
            throw new Fetched.RateLimited(retryAt(response).orElse(Instant.now().plusSeconds(300)));
        }
        return response;
    }

    static void requireOk(OutboundHttp.Response response) {
        if (response.status() != 200) {
            throw new Fetched.Failed("HTTP " + response.status() + " from " + response.uri());
        }
    }

    /**
     * When to come back after a 429: Mastodon's {@code X-RateLimit-Reset} (an ISO time), else {@code Retry-After}
     * (seconds or an HTTP date).
     */
    static Optional<Instant> retryAt(OutboundHttp.Response response) {
        Optional<String> reset = response.header("X-RateLimit-Reset");
        if (reset.isPresent()) {
            try {
                return Optional.of(java.time.OffsetDateTime.parse(reset.get().strip()).toInstant());
            } catch (DateTimeParseException ignored) {
                // fall through to Retry-After
            }
        }
        Optional<String> retry = response.header("Retry-After");
        if (retry.isPresent()) {
            String v = retry.get().strip();
            try {
                return Optional.of(Instant.now().plusSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                try {
                    return Optional.of(java.time.ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
                } catch (DateTimeParseException ignored) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
