package de.kontor.questions;

import java.time.Instant;

/** Someone answered a question; {@code questionAuthorId} is the person who asked. */
public record AnswerAdded(long answerId, long questionId, Long spaceId, long authorId, long questionAuthorId,
                          Instant at) {
}
