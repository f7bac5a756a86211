package de.kontor.spaces;

/** A join request was approved. */
public record JoinApproved(long spaceId, long userId, long approvedBy) {
}
