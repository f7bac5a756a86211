package de.kontor.spaces;

/** Name, description or visibility of a space changed. */
public record SpaceUpdated(long spaceId, long updatedBy) {
}
