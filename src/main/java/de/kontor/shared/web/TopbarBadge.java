package de.kontor.shared.web;

/**
 * A counter shown in the top bar (for example unread notifications). Modules implement it as a bean; the layout asks
 * {@link PageContext#badge(String)} by name, which computes each counter at most once per rendered page and only
 * for a signed-in viewer.
 */
public interface TopbarBadge {

    /** The name the layout asks for, e.g. {@code "notifications"}. */
    String name();

    int count(Viewer viewer);
}
