package de.kontor.identity.internal;

import java.util.List;

/**
 * One declared skill of a person with its endorsements as a viewer sees them: how many, whether the viewer is one
 * of them, and the first five endorsers' names.
 */
public record SkillEndorsements(String skill, int count, boolean mine, List<String> endorsers) {
}
