package de.kontor.identity;

/** A declared skill of a person that matches a topic, with how many colleagues endorsed it. */
public record SkillMatch(long userId, String skill, int endorsements) {
}
