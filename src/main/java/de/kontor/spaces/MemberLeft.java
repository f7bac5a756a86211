package de.kontor.spaces;

/** A member left a space on their own. */
public record MemberLeft(long spaceId, long userId) {
}
