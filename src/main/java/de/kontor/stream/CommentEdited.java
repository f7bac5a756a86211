package de.kontor.stream;

import java.time.Instant;

/** The author changed a comment's text. */
public record CommentEdited(long commentId, long postId, Long spaceId, long editorId, Instant at) {
}
