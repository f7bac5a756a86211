package de.kontor.monitoring.internal;

import java.time.Instant;
import java.util.List;

/**
 * What one poll of a source brought: the items (empty when nothing changed) and the state to send next time
 * ({@code ETag}, {@code Last-Modified}, Mastodon's newest id).
 */
record Fetched(List<Listening.Heard> items, String etag, String lastModified, String sinceId) {

    /** The source could not be read; the message is shown to the team. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    /** The server asked us to come back later (429). */
    static final class RateLimited extends RuntimeException {
        private final Instant until;

        RateLimited(Instant until) {
            super("rate limited until " + until);
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }
}
