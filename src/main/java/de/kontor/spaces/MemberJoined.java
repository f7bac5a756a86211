package de.kontor.spaces;

/** Someone became a member (joined, accepted an invitation or was approved). */
public record MemberJoined(long spaceId, long userId, SpaceRole role) {
}
