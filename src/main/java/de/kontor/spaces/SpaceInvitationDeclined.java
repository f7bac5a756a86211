package de.kontor.spaces;

/** An invited person declined. */
public record SpaceInvitationDeclined(long spaceId, long userId) {
}
