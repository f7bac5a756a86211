package de.kontor.wiki.internal;

import java.time.Instant;

/** One saved state of a page: title and text as they were, who saved it, when and why. */
public record WikiRevision(long id, long pageId, String title, String body, String note, Long authorId,
                           Instant createdAt) {
}
