package de.kontor.spaces;

/** Who can find a space and read its content. */
public enum Visibility {
    /** Every company member can see, read and join it. */
    PUBLIC,
    /** Listed for company members; content only for its members; joining needs the owners' approval. */
    PRIVATE,
    /** Does not exist for anyone who is not a member (or invited, or an administrator). */
    SECRET
}
