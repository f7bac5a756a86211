package de.kontor.questions;

import java.time.Instant;

/** A question was asked in a space ({@code spaceId} set) or company-wide ({@code spaceId} null). */
public record QuestionAsked(long questionId, Long spaceId, long authorId, Instant at) {
}
