package de.kontor.blogs;

import java.time.Instant;

/**
 * An article was published in a space's blog ({@code spaceId} set) or its author's blog; {@code postId} is the post
 * announcing it (null when it could not be posted).
 */
public record ArticlePublished(long articleId, Long spaceId, long authorId, Long postId, Instant at) {
}
