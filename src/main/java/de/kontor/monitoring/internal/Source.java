package de.kontor.monitoring.internal;

import java.time.Instant;

/**
 * A place the team listens to; {@code target} is the hashtag or account id of a Mastodon source, or the folder of a
 * mailbox source.
 */
public record Source(long id, String key, Kind kind, String name, String url, String target, String secret,
              int intervalSecs, boolean enabled, String etag, String lastModified, String sinceId,
              Instant nextFetchAt, int failures, String lastError, Instant lastErrorAt, Instant lastFetchedAt,
              Instant createdAt) {

    public enum Kind { FEED, MASTODON_TAG, MASTODON_ACCOUNT, WEBHOOK, MAILBOX }

    public boolean failing() {
        return failures > 0;
    }
}
