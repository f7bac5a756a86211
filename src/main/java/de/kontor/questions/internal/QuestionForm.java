package de.kontor.questions.internal;

import java.util.List;

import de.kontor.shared.DomainException;

/** The ask / edit form as posted: {@code spaceId} empty for company-wide, {@code tags} one line. */
public record QuestionForm(String spaceId, String title, String body, String tags) {

    static QuestionForm empty(Long spaceId) {
        return new QuestionForm(spaceId == null ? "" : spaceId.toString(), "", "", "");
    }

    static QuestionForm of(Question q) {
        return new QuestionForm(q.spaceId() == null ? "" : q.spaceId().toString(), q.title(), q.body(),
                String.join(", ", q.tags()));
    }

    QuestionService.Draft draft() {
        return new QuestionService.Draft(title, body, tags == null ? List.of() : List.of(tags.split("[,\\s]+")));
    }

    /** The chosen space; null for company-wide; 422 for anything but a number. */
    Long space() {
        return number("spaceId", spaceId);
    }

    static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(field, "questions.error.number");
        }
    }
}
