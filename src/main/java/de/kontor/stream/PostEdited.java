package de.kontor.stream;

import java.time.Instant;

/** A post's text was changed; the previous text is kept as a revision. */
public record PostEdited(long postId, Long spaceId, long editorId, Instant at) {
}
