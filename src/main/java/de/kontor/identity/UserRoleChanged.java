package de.kontor.identity;

import java.time.Instant;

/** An administrator changed a person's company role (e.g. a guest became a member). */
public record UserRoleChanged(long userId, Role from, Role to, Instant at) {
}
