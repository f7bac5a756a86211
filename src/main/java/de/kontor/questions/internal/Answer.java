package de.kontor.questions.internal;

import java.time.Instant;

/** One answer; {@code wikiUrl} set once it was turned into a wiki page. */
public record Answer(long id, long questionId, long authorId, String body, String bodyHtml, int voteCount,
                     Instant createdAt, Long wikiPageId, String wikiUrl) {
}
