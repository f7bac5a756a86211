package de.kontor.decisions.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import de.kontor.identity.UserSummary;

/**
 * A decision as one viewer sees it: answers are named for every reader; who has not answered yet is shown to the
 * proposer only ({@code pending} is empty for everybody else); {@code outcome} is set once decided.
 */
public record DecisionView(Decision decision, String spaceName, UserSummary proposer, String unitName,
                           List<OptionView> options, Map<Decision.Position, Integer> positionCounts,
                           List<AnswerView> answers, int asked, List<UserSummary> pending, Decision.Answer mine,
                           boolean isAsked, boolean canAnswer, boolean canManage, List<String> winners) {

    /** An option with the number of people who chose it. */
    public record OptionView(long id, String label, int count) {
    }

    /** One person's answer as shown: the chosen option's label or the position, and the reason. */
    public record AnswerView(UserSummary person, String optionLabel, Decision.Position position, String reason,
                             Instant at) {
    }
}
