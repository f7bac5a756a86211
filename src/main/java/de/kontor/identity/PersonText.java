package de.kontor.identity;

import java.time.Instant;
import java.util.List;

/** A person as words for full-text search: name, job, unit, company and skills; inactive people are to be hidden. */
public record PersonText(long id, String displayName, String jobTitle, String orgUnit, String company,
                         List<String> skills, Role role, boolean active, Instant updatedAt) {
}
