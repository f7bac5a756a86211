package de.kontor.stream.internal;

import java.time.Instant;

/** A post as stored; {@code spaceId} null means a profile post. */
public record Post(long id, Long spaceId, long authorId, String body, String bodyHtml, Instant createdAt,
                   Instant editedAt, Instant deletedAt, Instant pinnedAt, int commentCount, int reactionCount) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean pinned() {
        return pinnedAt != null;
    }
}
