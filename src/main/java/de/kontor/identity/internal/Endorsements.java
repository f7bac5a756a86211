package de.kontor.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.identity.SkillMatch;
import de.kontor.shared.DomainException;

/**
 * Skill endorsements (one per colleague per declared skill) and the expert finder opt-out. Members and admins
 * endorse colleagues whose profile they may see; nobody endorses themselves; guests neither endorse nor are shown.
 */
@Service
public class Endorsements {

    private final EndorsementRepository endorsements;
    private final Profiles profiles;

    Endorsements(EndorsementRepository endorsements, Profiles profiles) {
        this.endorsements = endorsements;
        this.profiles = profiles;
    }

    public List<SkillEndorsements> of(KontorUser viewer, long userId) {
        profiles.view(viewer, userId);
        return endorsements.forPerson(userId, viewer.id());
    }

    @Transactional
    public void endorse(KontorUser viewer, long userId, String skill) {
        requireEndorsable(viewer, userId, skill);
        endorsements.endorse(userId, skill.strip(), viewer.id());
    }

    @Transactional
    public void withdraw(KontorUser viewer, long userId, String skill) {
        profiles.view(viewer, userId);
        if (skill != null && !skill.isBlank()) {
            endorsements.withdraw(userId, skill.strip(), viewer.id());
        }
    }

    private void requireEndorsable(KontorUser viewer, long userId, String skill) {
        if (viewer.guest()) {
            throw new DomainException.Forbidden();
        }
        var profile = profiles.view(viewer, userId);
        if (userId == viewer.id()) {
            throw new DomainException.Forbidden("endorse.error.self");
        }
        if (!profile.active() || profile.guest()) {
            throw new DomainException.Conflict("skill", "endorse.error.inactive");
        }
        if (skill == null || skill.isBlank() || !endorsements.declares(userId, skill.strip())) {
            throw new DomainException.Invalid("skill", "endorse.error.unknownSkill");
        }
    }

    public boolean hidden(KontorUser viewer) {
        return endorsements.hidden(viewer.id());
    }

    @Transactional
    public void setHidden(KontorUser viewer, boolean hidden) {
        endorsements.setHidden(viewer.id(), hidden);
    }

    // for the expert finder (through IdentityApi)

    public List<SkillMatch> holders(String topic, int limit) {
        if (topic == null || topic.isBlank()) {
            return List.of();
        }
        return endorsements.holders(topic, limit).stream()
                .map(h -> new SkillMatch(h.userId(), h.skill(), h.endorsements())).toList();
    }

    public Set<Long> candidates(Collection<Long> ids) {
        return endorsements.candidates(ids);
    }
}
