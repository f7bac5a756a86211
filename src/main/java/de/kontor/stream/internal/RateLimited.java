package de.kontor.stream.internal;

/** Too many posts and comments in a short time; the client may retry after the given seconds (429). */
class RateLimited extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimited(long retryAfterSeconds) {
        super("stream.error.rateLimited");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
