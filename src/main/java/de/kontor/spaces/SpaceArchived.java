package de.kontor.spaces;

/** A space became read-only. */
public record SpaceArchived(long spaceId, long archivedBy) {
}
