package de.kontor.monitoring.internal;

import java.time.Instant;

/** What the team listens for: a keyword query and the response time for its mentions in working hours. */
public record Topic(long id, String name, String query, int slaHours, Instant createdAt) {
}
