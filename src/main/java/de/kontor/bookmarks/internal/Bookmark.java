package de.kontor.bookmarks.internal;

import java.time.Instant;
import java.util.List;

/** A saved link; {@code spaceId} null means private to its owner. */
public record Bookmark(long id, long ownerId, Long spaceId, String url, String urlKey, String title, String note,
                       List<String> tags, Instant createdAt, Instant updatedAt) {

    public boolean isPrivate() {
        return spaceId == null;
    }

    public String tagText() {
        return String.join(", ", tags);
    }

    Bookmark withTags(List<String> t) {
        return new Bookmark(id, ownerId, spaceId, url, urlKey, title, note, t, createdAt, updatedAt);
    }
}
