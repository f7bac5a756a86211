package de.kontor.stream;

import java.time.Instant;

/** A comment (or a reply to one, {@code parentId} set) was added to a post. */
public record CommentAdded(long commentId, long postId, Long parentId, Long spaceId, long authorId,
                           long postAuthorId, Instant at) {
}
