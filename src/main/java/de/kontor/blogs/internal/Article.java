package de.kontor.blogs.internal;

import java.time.Instant;
import java.util.List;

/** One blog article; {@code spaceId} null in its author's own blog. */
public record Article(long id, Long spaceId, long authorId, String title, String teaser, String body,
                      String bodyHtml, List<String> tags, State state, Instant publishAt, Instant publishedAt,
                      Long postId, boolean hasCover, Instant createdAt, Instant updatedAt) {

    public enum State { DRAFT, SCHEDULED, PUBLISHED }

    public boolean published() {
        return state == State.PUBLISHED;
    }
}
