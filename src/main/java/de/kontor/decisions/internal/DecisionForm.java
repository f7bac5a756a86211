package de.kontor.decisions.internal;

import java.util.List;

import de.kontor.shared.DomainException;

/** The "new decision" form as submitted: options one per line, people as checked member ids. */
public record DecisionForm(String title, String context, String kind, String options, String audience,
                           List<Long> people, String unitId, String deadline, String quorum) {

    static DecisionForm empty() {
        return new DecisionForm("", "", Decision.Kind.CONSENT.name(), "", Decision.Audience.SPACE.name(), List.of(),
                "", "", "");
    }

    DecisionService.Proposal toProposal() {
        return new DecisionService.Proposal(title, context, parse(Decision.Kind.class, "kind", kind),
                PollForm.lines(options), parse(Decision.Audience.class, "audience", audience),
                people == null ? List.of() : people, number("unitId", unitId),
                Deadlines.fromForm("deadline", deadline), quorum("quorum", quorum));
    }

    public boolean asks(long personId) {
        return people != null && people.contains(personId);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid(field, "decisions.error.choice");
        }
    }

    static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(field, "decisions.error.choice");
        }
    }

    static Integer quorum(String field, String value) {
        Long n = number(field, value);
        if (n != null && (n < 1 || n > 100)) {
            throw new DomainException.Invalid(field, "decisions.error.quorum");
        }
        return n == null ? null : n.intValue();
    }
}
