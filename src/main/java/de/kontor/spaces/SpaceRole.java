package de.kontor.spaces;

/** A person's role inside one space. */
public enum SpaceRole {
    OWNER, MODERATOR, MEMBER;

    public boolean moderates() {
        return this == OWNER || this == MODERATOR;
    }
}
