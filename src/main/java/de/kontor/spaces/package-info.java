/**
 * Spaces: places for teams and topics with members, roles, invitations and join requests. The public surface is
 * {@link de.kontor.spaces.VisibilityPolicy} (the one place that decides who may see, read, write, moderate and
 * administer a space) and the past-tense events other modules listen to.
 */
package de.kontor.spaces;
