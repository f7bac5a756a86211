package de.kontor.bookmarks;

/** A bookmark was deleted. */
public record BookmarkDeleted(long bookmarkId) {
}
