package de.kontor.messaging.internal;

/** Too many messages in a short time; the caller may retry after the given number of seconds (HTTP 429). */
class RateLimited extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimited(long retryAfterSeconds) {
        super("messaging.rateLimited");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
