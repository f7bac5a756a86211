package de.kontor.spaces;

/** Someone was invited into a space. */
public record SpaceInvitationSent(long spaceId, long userId, long invitedBy) {
}
