package de.kontor.stream;

import java.time.Instant;

/** Someone reacted to a post with one of the fixed reactions. */
public record ReactionAdded(long postId, Long spaceId, long userId, String reaction, long postAuthorId, Instant at) {
}
