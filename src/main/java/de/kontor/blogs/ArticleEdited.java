package de.kontor.blogs;

import java.time.Instant;

/** An article's text, tags or cover changed (it may be published or not). */
public record ArticleEdited(long articleId, Long spaceId, long editorId, Instant at) {
}
