package de.kontor.spaces;

/** Someone asked to join a private space. */
public record JoinRequested(long spaceId, long userId) {
}
