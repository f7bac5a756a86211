package de.kontor.shared.web;

/** What the layout needs to know about the signed-in person; implemented by the identity module's principal. */
public interface Viewer {
    long id();

    String displayName();

    boolean admin();

    boolean guest();

    /** Preferred UI language ("de"/"en") or null to follow the browser. */
    String locale();

    default String initials() {
        String[] parts = displayName().strip().split("\\s+");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && Character.isLetter(p.charAt(0)) && sb.length() < 2) {
                sb.append(Character.toUpperCase(p.charAt(0)));
            }
        }
        return sb.isEmpty() ? "?" : sb.toString();
    }
}
