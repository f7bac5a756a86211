package de.kontor.shared;

import java.util.List;

/**
 * The small set of domain errors every module throws; mapped once to RFC 9457 problem details (API) and to
 * friendly pages or field messages (UI). Messages are message-source keys with optional arguments.
 */
public abstract sealed class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    protected DomainException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public abstract int status();

    /** Not found, or not visible to the caller (never reveal that a secret thing exists). */
    public static final class NotFound extends DomainException {
        public NotFound() {
            super("error.notFound");
        }

        @Override
        public int status() {
            return 404;
        }
    }

    public static final class Forbidden extends DomainException {
        public Forbidden(String messageKey, Object... args) {
            super(messageKey, args);
        }

        public Forbidden() {
            this("error.forbidden");
        }

        @Override
        public int status() {
            return 403;
        }
    }

    public static final class Conflict extends DomainException {
        private final String field;

        public Conflict(String field, String messageKey, Object... args) {
            super(messageKey, args);
            this.field = field;
        }

        public String field() {
            return field;
        }

        @Override
        public int status() {
            return 409;
        }
    }

    /** Temporarily unable to answer (e.g. while starting); the caller may try again shortly. */
    public static final class Unavailable extends DomainException {
        public Unavailable(String messageKey, Object... args) {
            super(messageKey, args);
        }

        @Override
        public int status() {
            return 503;
        }
    }

    public static final class TooLarge extends DomainException {
        public TooLarge(String messageKey, Object... args) {
            super(messageKey, args);
        }

        @Override
        public int status() {
            return 413;
        }
    }

    /** Validation failed; carries one message per field. */
    public static final class Invalid extends DomainException {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super("error.invalid");
            this.errors = List.copyOf(errors);
        }

        public Invalid(String field, String messageKey, Object... args) {
            this(List.of(new FieldError(field, messageKey, args)));
        }

        public List<FieldError> errors() {
            return errors;
        }

        @Override
        public int status() {
            return 422;
        }
    }

    public record FieldError(String field, String messageKey, Object... args) {
    }
}
