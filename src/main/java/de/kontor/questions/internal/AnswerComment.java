package de.kontor.questions.internal;

import java.time.Instant;

/** A short comment on an answer. */
public record AnswerComment(long id, long answerId, long authorId, String body, String bodyHtml, Instant createdAt) {
}
