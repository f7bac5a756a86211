package de.kontor.stream;

import java.time.Instant;

/** A post was published in a space ({@code spaceId} set) or on its author's profile ({@code spaceId} null). */
public record PostPublished(long postId, Long spaceId, long authorId, Instant at) {
}
