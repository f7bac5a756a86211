package de.kontor.bookmarks;

/** A bookmark was saved or changed (title, note, tags or place). */
public record BookmarkSaved(long bookmarkId, long ownerId, Long spaceId) {
}
