package de.kontor.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The one normalisation of mention text for matching, language and sentiment: lower case, German umlauts folded
 * ({@code ä → ae}, {@code ß → ss}), so that "Störung", "stoerung" and "STÖRUNG" are the same word.
 */
final class Folding {

    private Folding() {
    }

    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ä' -> sb.append("ae");
                case 'ö' -> sb.append("oe");
                case 'ü' -> sb.append("ue");
                case 'ß' -> sb.append("ss");
                case '’' -> sb.append('\'');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Folded words: letters and digits; an apostrophe stays inside a word ("don't"). */
    static List<String> words(String text) {
        return split(fold(text));
    }

    /** The same words as {@link #words} (same count and order), lower case but not folded: for showing them. */
    static List<String> displayWords(String text) {
        return split(text.toLowerCase(Locale.ROOT).replace('’', '\''));
    }

    private static List<String> split(String folded) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) || (c == '\'' && !w.isEmpty())) {
                w.append(c);
            } else if (!w.isEmpty()) {
                out.add(trimApostrophe(w));
                w.setLength(0);
            }
        }
        if (!w.isEmpty()) {
            out.add(trimApostrophe(w));
        }
        return out;
    }

    private static String trimApostrophe(StringBuilder w) {
        String s = w.toString();
        return s.endsWith("'") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * A fingerprint of the text for near-duplicate detection: the folded words without links, handles and
     * hashtags' '#' signs, joined by one space, hashed. A repost of the same text with another link or
     * differing white space and case has the same fingerprint.
     */
    static String fingerprint(String text) {
        String withoutLinks = text.replaceAll("https?://\\S+", " ").replaceAll("@[\\w.@-]+", " ");
        String joined = String.join(" ", words(withoutLinks));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
