package de.kontor.identity;

/** Company-wide role of a person. Guests are external people who only see spaces they were invited to. */
public enum Role {
    ADMIN, MEMBER, GUEST
}
