package de.kontor.stream.internal;

import java.time.Instant;

/** A comment on a post; {@code parentId} set for a reply to a top-level comment. */
public record Comment(long id, long postId, Long parentId, long authorId, String body, String bodyHtml,
                      Instant createdAt, Instant editedAt, Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
