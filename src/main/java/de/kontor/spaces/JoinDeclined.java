package de.kontor.spaces;

/** A join request was declined. */
public record JoinDeclined(long spaceId, long userId, long declinedBy) {
}
