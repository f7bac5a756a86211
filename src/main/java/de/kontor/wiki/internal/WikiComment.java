package de.kontor.wiki.internal;

import java.time.Instant;

/** A comment under a wiki page (Markdown). */
public record WikiComment(long id, long pageId, Long authorId, String body, Instant createdAt) {
}
