package de.kontor.wiki.internal;

/** A page template: built-in ({@code id} null, key set) or added to a space. */
public record PageTemplate(Long id, String key, String name, String body) {

    /** The value of the template choice in the new-page form. */
    public String choice() {
        return id == null ? key : Long.toString(id);
    }
}
