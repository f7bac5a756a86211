package de.kontor.blogs;

import java.time.Instant;

/** An article was deleted. */
public record ArticleDeleted(long articleId, Long spaceId, long deletedBy, Instant at) {
}
