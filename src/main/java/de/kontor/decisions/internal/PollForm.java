package de.kontor.decisions.internal;

import java.util.Arrays;
import java.util.List;

import de.kontor.shared.DomainException;

/** The "new poll" form as submitted: one option per line, the deadline as {@code datetime-local}. */
public record PollForm(String question, String options, String multiple, String anonymous, String results,
                       String closesAt) {

    static PollForm empty() {
        return new PollForm("", "", null, null, Poll.Results.AFTER_VOTE.name(), "");
    }

    PollService.NewPoll toNewPoll() {
        return new PollService.NewPoll(question, lines(options), "true".equals(multiple), "true".equals(anonymous),
                results(results), Deadlines.fromForm("closesAt", closesAt));
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\\R"));
    }

    static Poll.Results results(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Poll.Results.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("results", "decisions.error.results");
        }
    }
}
