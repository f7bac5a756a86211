package de.kontor.stream;

import java.time.Instant;

/** A post was (soft) deleted by its author, a moderator or an administrator. */
public record PostDeleted(long postId, Long spaceId, long deletedBy, Instant at) {
}
