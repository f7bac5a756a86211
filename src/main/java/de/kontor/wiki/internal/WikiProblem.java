package de.kontor.wiki.internal;

/** The wiki's HTTP errors beyond the shared domain errors: 412, 415 and 428 (message key + status). */
class WikiProblem extends RuntimeException {

    private final int status;
    private final transient Object[] args;

    WikiProblem(int status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.args = args;
    }

    int status() {
        return status;
    }

    Object[] args() {
        return args;
    }
}
