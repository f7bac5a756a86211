package de.kontor.questions.internal;

import java.time.Instant;
import java.util.List;

/** One row of {@code questions}; {@code spaceId} null for a company-wide question. */
public record Question(long id, Long spaceId, long authorId, String title, String body, String bodyHtml,
                       List<String> tags, Long acceptedAnswerId, int answerCount, int voteCount, Instant createdAt,
                       Instant editedAt) {

    public boolean companyWide() {
        return spaceId == null;
    }

    public boolean answered() {
        return acceptedAnswerId != null;
    }
}
