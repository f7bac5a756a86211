package de.kontor.spaces;

/** An owner, moderator or administrator removed a member. */
public record MemberRemoved(long spaceId, long userId, long removedBy) {
}
