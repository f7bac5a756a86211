package de.kontor.spaces;

/** A member's role changed (also by an ownership transfer). */
public record MemberRoleChanged(long spaceId, long userId, SpaceRole role, long changedBy) {
}
