package de.kontor.messaging.internal;

/** A one-line plain-text preview of a Markdown message for lists. */
public final class Previews {

    private Previews() {
    }

    /** Markdown punctuation and line breaks removed, shortened to {@code max} characters with an ellipsis. */
    public static String plain(String markdown, int max) {
        if (markdown == null) {
            return "";
        }
        String s = markdown
                .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("[*_`#>~|]", "")
                .replaceAll("\\s+", " ")
                .strip();
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
    }
}
