package de.kontor.spaces.internal;

import java.time.Instant;

import de.kontor.spaces.SpaceRole;

/** One membership of a space. */
public record Member(long spaceId, long userId, SpaceRole role, boolean guest, Instant joinedAt) {
}
