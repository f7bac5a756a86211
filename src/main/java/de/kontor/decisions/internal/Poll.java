package de.kontor.decisions.internal;

import java.time.Instant;

/** A poll attached to a post; its question is the post's text. */
public record Poll(long id, long postId, long spaceId, long authorId, boolean multiple, boolean anonymous,
                   Results results, Instant closesAt, Instant createdAt) {

    /** When the results are shown: to a voter right after voting, or to everybody only once the poll closed. */
    public enum Results { AFTER_VOTE, AFTER_CLOSE }

    /** One answer to choose. */
    public record Option(long id, long pollId, int position, String label) {
    }

    public boolean closed(Instant now) {
        return !closesAt.isAfter(now);
    }
}
