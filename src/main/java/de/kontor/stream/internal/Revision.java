package de.kontor.stream.internal;

import java.time.Instant;

/** The text a post had before an edit ({@code createdAt}: when that text was written). */
public record Revision(long id, long postId, String body, String bodyHtml, Instant createdAt, Instant replacedAt,
                       Long editorId) {
}
