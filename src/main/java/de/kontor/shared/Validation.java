package de.kontor.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects field errors and throws one {@link DomainException.Invalid} with all of them. */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<DomainException.FieldError> errors = new ArrayList<>();

    public Validation required(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new DomainException.FieldError(field, "validation.required"));
        }
        return this;
    }

    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new DomainException.FieldError(field, "validation.maxLength", max));
        }
        return this;
    }

    public Validation length(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new DomainException.FieldError(field, "validation.required"));
        } else if (value.strip().length() < min || value.length() > max) {
            errors.add(new DomainException.FieldError(field, "validation.length", min, max));
        }
        return this;
    }

    public Validation email(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new DomainException.FieldError(field, "validation.required"));
        } else if (value.length() > 254 || !EMAIL.matcher(value.strip()).matches()) {
            errors.add(new DomainException.FieldError(field, "validation.email"));
        }
        return this;
    }

    public Validation check(boolean ok, String field, String messageKey, Object... args) {
        if (!ok) {
            errors.add(new DomainException.FieldError(field, messageKey, args));
        }
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new DomainException.Invalid(errors);
        }
    }
}
