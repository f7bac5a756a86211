package de.kontor.spaces.internal;

import java.time.Instant;

/** A pending invitation or join request: who, for which space, since when. */
public record PendingUser(long spaceId, String spaceName, long userId, Long invitedBy, String message,
                          Instant createdAt) {
}
