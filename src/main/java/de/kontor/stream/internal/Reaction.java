package de.kontor.stream.internal;

import java.util.Arrays;
import java.util.Optional;

/** The fixed set of reactions, stored by their stable code. */
public enum Reaction {
    THUMBSUP("thumbsup", "👍"),
    HEART("heart", "❤️"),
    TADA("tada", "🎉"),
    SMILE("smile", "😄"),
    THINKING("thinking", "🤔"),
    EYES("eyes", "👀");

    private final String code;
    private final String emoji;

    Reaction(String code, String emoji) {
        this.code = code;
        this.emoji = emoji;
    }

    public String code() {
        return code;
    }

    public String emoji() {
        return emoji;
    }

    public static Optional<Reaction> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
