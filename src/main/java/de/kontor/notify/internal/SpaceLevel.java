package de.kontor.notify.internal;

/** How much a person hears from one space. */
public enum SpaceLevel {
    /** Every notification (the default). */
    ALL,
    /** Only when mentioned. */
    MENTIONS_ONLY,
    /** Nothing from this space. */
    MUTE;

    boolean allows(NotificationType type) {
        return this == ALL || (this == MENTIONS_ONLY && type == NotificationType.MENTIONED);
    }

    static SpaceLevel parse(String s) {
        for (SpaceLevel l : values()) {
            if (l.name().equals(s)) {
                return l;
            }
        }
        return null;
    }
}
