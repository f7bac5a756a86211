package de.kontor.spaces;

/** An archived space became writable again. */
public record SpaceUnarchived(long spaceId, long unarchivedBy) {
}
