package de.kontor.notify.internal;

/**
 * One row of {@code live_events}: exactly one audience ({@code userId}, {@code spaceId}, or {@code profile} for
 * posts on people's profiles); {@code payload} is JSON text.
 */
record LiveEvent(long id, Long userId, Long spaceId, boolean profile, String type, String payload) {
}
