package de.kontor.stream.internal;

/**
 * What one viewer may do with one post, derived from {@link de.kontor.spaces.VisibilityPolicy} for space posts and
 * from the company rule for profile posts (every active MEMBER/ADMIN reads and answers them, guests never).
 */
record PostAccess(boolean read, boolean write, boolean moderate, boolean archived) {

    static final PostAccess NONE = new PostAccess(false, false, false, false);
}
