package de.kontor.spaces;

/** A space was created; its creator is its first owner. */
public record SpaceCreated(long spaceId, long createdBy, Visibility visibility) {
}
