package de.kontor.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags of questions, articles and other content, typed as one line ("SAP, SPS-Programmierung #wartung"): split at
 * commas and spaces, a leading {@code #} dropped, lower-case like the stream's hashtags, at most {@value #MAX} of them.
 */
public final class Tags {

    public static final int MAX = 10;
    private static final Pattern TAG = Pattern.compile("\\p{L}[\\p{L}\\p{N}_-]{0,49}");

    private Tags() {
    }

    /** The tags of the line; 422 on the {@code tags} field for a word that is no tag or for too many. */
    public static List<String> parse(String line) {
        return parse(line == null ? List.of() : List.of(line.split("[,\\s]+")));
    }

    public static List<String> parse(List<String> words) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : words) {
            String w = raw == null ? "" : raw.strip().replaceFirst("^#", "");
            if (w.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(w).matches()) {
                throw new DomainException.Invalid("tags", "tags.invalid", w);
            }
            out.add(w.toLowerCase(Locale.ROOT));
        }
        if (out.size() > MAX) {
            throw new DomainException.Invalid("tags", "tags.tooMany", MAX);
        }
        return new ArrayList<>(out);
    }

    /** A tag filter from a request: null for none, 422 for no tag. */
    public static String filter(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        List<String> one = parse(List.of(tag));
        return one.isEmpty() ? null : one.getFirst();
    }
}
