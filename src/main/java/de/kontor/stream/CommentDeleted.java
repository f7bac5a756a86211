package de.kontor.stream;

import java.time.Instant;

/** A comment (with its replies) was (soft) deleted by its author or a moderator. */
public record CommentDeleted(long commentId, long postId, Long spaceId, long deletedBy, Instant at) {
}
