package de.kontor.questions.internal;

import java.util.List;

import de.kontor.identity.UserSummary;

/**
 * A question page as the viewer sees it: the answers (accepted first, then by votes) and what the viewer may do.
 * {@code spaceName} is null for a company-wide question.
 */
public record QuestionView(Question question, String spaceName, UserSummary author, List<AnswerView> answers,
                           boolean voted, boolean canContribute, boolean canManage, boolean canAccept) {

    /** One answer with its comments; {@code canMakeWikiPage} when it is accepted and the viewer writes the wiki. */
    public record AnswerView(Answer answer, UserSummary author, boolean accepted, boolean voted,
                             List<CommentView> comments, boolean canMakeWikiPage) {
    }

    public record CommentView(AnswerComment comment, UserSummary author) {
    }

    /** A question in a list, with its author and space name (null: company-wide). */
    public record Item(Question question, UserSummary author, String spaceName) {
    }
}
