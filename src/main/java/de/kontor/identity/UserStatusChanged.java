package de.kontor.identity;

import java.time.Instant;

/** A person was deactivated ({@code active} false) or reactivated by an admin. */
public record UserStatusChanged(long userId, boolean active, Instant at) {
}
