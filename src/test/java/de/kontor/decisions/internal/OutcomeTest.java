package de.kontor.decisions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.kontor.decisions.internal.Decision.Position;
import de.kontor.decisions.internal.Outcome.Result;

/** The outcome rule (see {@link Outcome}): quorum first, then consent or the most answers. */
class OutcomeTest {

    private static final List<Decision.Option> OPTIONS = List.of(new Decision.Option(1, 9, 0, "A"),
            new Decision.Option(2, 9, 1, "B"), new Decision.Option(3, 9, 2, "C"));

    @Test
    void consentIsAcceptedUnlessSomebodyBlocks() {
        assertThat(consent(5, null, Position.AGREE, Position.DISAGREE, Position.ABSTAIN).result())
                .isEqualTo(Result.ACCEPTED);
        assertThat(consent(5, null, Position.AGREE, Position.AGREE, Position.BLOCK).result())
                .isEqualTo(Result.BLOCKED);
    }

    @Test
    void withoutQuorumSilenceIsConsent() {
        assertThat(consent(4, null).result()).isEqualTo(Result.ACCEPTED);
    }

    @Test
    void quorumIsAPercentageOfThePeopleAsked() {
        assertThat(consent(4, 50, Position.AGREE).result()).isEqualTo(Result.NO_QUORUM);
        assertThat(consent(4, 50, Position.AGREE, Position.AGREE).result()).isEqualTo(Result.ACCEPTED);
        assertThat(consent(3, 100, Position.AGREE, Position.AGREE).result()).isEqualTo(Result.NO_QUORUM);
        assertThat(consent(3, 100, Position.AGREE, Position.AGREE, Position.BLOCK).result())
                .isEqualTo(Result.BLOCKED);
    }

    @Test
    void theOptionWithTheMostAnswersIsChosen() {
        Outcome o = options(5, null, 2L, 1L, 2L);
        assertThat(o.result()).isEqualTo(Result.CHOSEN);
        assertThat(o.winners()).containsExactly(2L);
        assertThat(o.optionCounts()).containsEntry(1L, 1).containsEntry(2L, 2).containsEntry(3L, 0);
        assertThat(o.decided()).isTrue();
    }

    @Test
    void equalTopCountsAreATieWithEveryTopOption() {
        Outcome o = options(5, null, 3L, 1L, 1L, 3L, 2L);
        assertThat(o.result()).isEqualTo(Result.TIE);
        assertThat(o.winners()).containsExactly(1L, 3L);
        assertThat(o.decided()).isFalse();
    }

    @Test
    void noAnswersDecideNothing() {
        assertThat(options(3, null).result()).isEqualTo(Result.NO_ANSWERS);
        assertThat(options(3, 34, 1L).result()).isEqualTo(Result.NO_QUORUM);
    }

    private static Outcome consent(int asked, Integer quorum, Position... positions) {
        List<Decision.Answer> answers = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            answers.add(new Decision.Answer(9, i, null, positions[i], "", Instant.now()));
        }
        return Outcome.of(Decision.Kind.CONSENT, asked, quorum, answers, List.of());
    }

    private static Outcome options(int asked, Integer quorum, Long... choices) {
        List<Decision.Answer> answers = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            answers.add(new Decision.Answer(9, i, choices[i], null, "", Instant.now()));
        }
        return Outcome.of(Decision.Kind.OPTIONS, asked, quorum, answers, OPTIONS);
    }
}
