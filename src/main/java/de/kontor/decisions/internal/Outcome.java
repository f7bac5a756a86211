package de.kontor.decisions.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a decision from its answers. The rule, in this order:
 * <ol>
 * <li>With a quorum (a percentage of the people asked), fewer answers than that give {@code NO_QUORUM}: nothing
 * is decided.</li>
 * <li>Consent: any {@code BLOCK} gives {@code BLOCKED}; otherwise the proposal is {@code ACCEPTED} — disagreeing
 * and abstaining are recorded but do not stop it, and without a quorum silence counts as consent.</li>
 * <li>Options: the option with the most answers is {@code CHOSEN}; several options with the same highest count
 * give {@code TIE} (all of them are reported); no answers at all give {@code NO_ANSWERS}.</li>
 * </ol>
 */
public record Outcome(Result result, List<Long> winners, int answered, int asked,
                      Map<Long, Integer> optionCounts, Map<Decision.Position, Integer> positionCounts) {

    public enum Result { ACCEPTED, BLOCKED, CHOSEN, TIE, NO_ANSWERS, NO_QUORUM }

    static Outcome of(Decision.Kind kind, int asked, Integer quorum, Collection<Decision.Answer> answers,
                      List<Decision.Option> options) {
        Map<Long, Integer> optionCounts = new LinkedHashMap<>();
        options.forEach(o -> optionCounts.put(o.id(), 0));
        Map<Decision.Position, Integer> positionCounts = new EnumMap<>(Decision.Position.class);
        for (Decision.Position p : Decision.Position.values()) {
            positionCounts.put(p, 0);
        }
        for (Decision.Answer a : answers) {
            if (a.optionId() != null) {
                optionCounts.merge(a.optionId(), 1, Integer::sum);
            } else {
                positionCounts.merge(a.position(), 1, Integer::sum);
            }
        }
        int answered = answers.size();
        if (quorum != null && (long) answered * 100 < (long) quorum * asked) {
            return new Outcome(Result.NO_QUORUM, List.of(), answered, asked, optionCounts, positionCounts);
        }
        if (kind == Decision.Kind.CONSENT) {
            Result r = positionCounts.get(Decision.Position.BLOCK) > 0 ? Result.BLOCKED : Result.ACCEPTED;
            return new Outcome(r, List.of(), answered, asked, optionCounts, positionCounts);
        }
        int best = optionCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (best == 0) {
            return new Outcome(Result.NO_ANSWERS, List.of(), answered, asked, optionCounts, positionCounts);
        }
        List<Long> winners = new ArrayList<>();
        optionCounts.forEach((id, n) -> {
            if (n == best) {
                winners.add(id);
            }
        });
        return new Outcome(winners.size() == 1 ? Result.CHOSEN : Result.TIE, winners, answered, asked,
                optionCounts, positionCounts);
    }

    /** Only an accepted proposal or a chosen option is a decision to act on. */
    public boolean decided() {
        return result == Result.ACCEPTED || result == Result.CHOSEN;
    }
}
