package de.kontor.wiki.internal;

/**
 * A save based on a revision that is no longer the page's current one. Nothing was written: the form shows both
 * texts and a merge view (409), the API answers 412.
 */
class EditConflict extends RuntimeException {

    private final transient WikiPage current;

    EditConflict(WikiPage current) {
        super("wiki.error.stale");
        this.current = current;
    }

    WikiPage current() {
        return current;
    }
}
