package de.kontor.decisions.internal;

import java.time.Instant;

/** A proposal in a space that the people asked answer until the deadline. */
public record Decision(long id, long spaceId, long proposerId, String title, String context, String contextHtml,
                       Kind kind, Audience audience, Long unitId, Instant deadline, Integer quorum, Status status,
                       Outcome.Result outcome, String outcomeDetail, Instant closedAt, Long recordPageId,
                       String recordUrl, Long announcementPostId, Instant createdAt) {

    /** Choose one of several options, or consent to one proposal. */
    public enum Kind { OPTIONS, CONSENT }

    /** Who is asked: everyone in the space, a list of people, or an org unit (with the units below it). */
    public enum Audience { SPACE, PEOPLE, UNIT }

    public enum Status { OPEN, DECIDED, WITHDRAWN }

    /** A consent-style answer. */
    public enum Position { AGREE, ABSTAIN, DISAGREE, BLOCK }

    /** One option of an OPTIONS decision. */
    public record Option(long id, long decisionId, int position, String label) {
    }

    /** One person's answer: an option or a position, with an optional reason. */
    public record Answer(long decisionId, long userId, Long optionId, Position position, String reason,
                         Instant answeredAt) {
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
