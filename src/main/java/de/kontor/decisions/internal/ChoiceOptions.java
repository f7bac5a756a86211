package de.kontor.decisions.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.kontor.shared.Validation;

/** The answer options of a poll or a decision: the same rules for both. */
final class ChoiceOptions {

    static final int MAX_OPTIONS = 20;
    static final int MAX_OPTION_LENGTH = 200;

    private ChoiceOptions() {
    }

    /**
     * The non-blank options, stripped, in the given order; records on {@code v} (field "options") when there are
     * fewer than 2 or more than {@link #MAX_OPTIONS}, one is too long, or two differ only in case.
     */
    static List<String> validate(Validation v, List<String> raw) {
        List<String> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean duplicate = false;
        for (String o : raw == null ? List.<String>of() : raw) {
            if (o != null && !o.isBlank()) {
                options.add(o.strip());
                duplicate |= !seen.add(o.strip().toLowerCase());
            }
        }
        v.check(options.size() >= 2 && options.size() <= MAX_OPTIONS, "options", "decisions.error.optionCount",
                2, MAX_OPTIONS);
        v.check(options.stream().allMatch(o -> o.length() <= MAX_OPTION_LENGTH), "options",
                "decisions.error.optionTooLong", MAX_OPTION_LENGTH);
        v.check(!duplicate, "options", "decisions.error.optionDuplicate");
        return options;
    }
}
