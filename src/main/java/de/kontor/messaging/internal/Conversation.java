package de.kontor.messaging.internal;

import java.time.Instant;

/** A conversation; {@code title} is only ever set for groups. */
public record Conversation(long id, Kind kind, String title, Long createdBy, Instant createdAt,
                           Instant lastMessageAt) {

    public enum Kind { DIRECT, GROUP }

    public boolean group() {
        return kind == Kind.GROUP;
    }
}
