package de.kontor.monitoring.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One thing heard about the company, and where the inbox stands with it. */
public record Mention(long id, long sourceId, String url, String author, String text, String language, double score,
               Sentiment.Label sentiment, String sentimentWords, Instant publishedAt, Instant receivedAt,
               Status status, String ignoreReason, Long assigneeUserId, Long assigneeSpaceId, Instant dueAt,
               Instant firstReactionAt) {

    public enum Status {
        NEW, ASSIGNED, ANSWERED, CLOSED, IGNORED;

        private static final Map<Status, Set<Status>> NEXT = Map.of(
                NEW, Set.of(ASSIGNED, ANSWERED, IGNORED),
                ASSIGNED, Set.of(ASSIGNED, ANSWERED, IGNORED),
                ANSWERED, Set.of(ANSWERED, CLOSED),
                CLOSED, Set.of(),
                IGNORED, Set.of(NEW));

        public boolean mayBecome(Status next) {
            return NEXT.get(this).contains(next);
        }
    }

    /** No first reaction yet and the response time passed. */
    public boolean overdue(Instant now) {
        return firstReactionAt == null && status == Status.NEW && now.isAfter(dueAt);
    }

    public List<String> decidingWords() {
        return sentimentWords.isEmpty() ? List.of() : List.of(sentimentWords.split("\n"));
    }

    public boolean textDeleted() {
        return text == null;
    }
}
