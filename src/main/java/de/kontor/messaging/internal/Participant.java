package de.kontor.messaging.internal;

import java.time.Instant;

/** A person's membership in a conversation; {@code leftAt} is set once they left a group. */
public record Participant(long conversationId, long userId, Instant joinedAt, Instant leftAt,
                          Long lastReadMessageId) {

    public boolean current() {
        return leftAt == null;
    }
}
