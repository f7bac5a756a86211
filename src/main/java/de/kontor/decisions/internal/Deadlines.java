package de.kontor.decisions.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import de.kontor.shared.DomainException;

/**
 * Deadlines as forms and the API give them: forms use {@code datetime-local} in the company's time zone (the one
 * the pages show times in), the API ISO-8601 instants.
 */
final class Deadlines {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Deadlines() {
    }

    /** A form value ({@code 2026-12-01T17:00}); null for blank, 422 on the field for nonsense. */
    static Instant fromForm(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException.Invalid(field, "decisions.error.deadlineFormat");
        }
    }

    /** An API value ({@code 2026-12-01T16:00:00Z}); null for null, 422 on the field for nonsense. */
    static Instant fromApi(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException.Invalid(field, "decisions.error.deadlineFormat");
        }
    }

    /** The value of a {@code datetime-local} input for the instant. */
    static String toForm(Instant at) {
        return at == null ? "" : LOCAL.format(at.atZone(ZONE));
    }
}
