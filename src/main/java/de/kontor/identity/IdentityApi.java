package de.kontor.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import de.kontor.identity.internal.Endorsements;
import de.kontor.identity.internal.UserRepository;

/** The identity module's public API: user lookup for other modules. */
@Service
public class IdentityApi {

    private final UserRepository users;
    private final Endorsements endorsements;

    public IdentityApi(UserRepository users, Endorsements endorsements) {
        this.users = users;
        this.endorsements = endorsements;
    }

    public Optional<UserSummary> find(long id) {
        return users.findSummary(id);
    }

    public Optional<UserSummary> findByEmail(String email) {
        return users.findSummaryByEmail(email);
    }

    /** Summaries by id, in no particular order; unknown ids are skipped. */
    public Map<Long, UserSummary> findAll(Collection<Long> ids) {
        return users.findSummaries(ids);
    }

    /** Active people whose name or e-mail starts with the prefix (for pickers); guests only when asked for. */
    public List<UserSummary> suggest(String prefix, int limit) {
        return users.suggest(prefix, limit);
    }

    // Principals for other modules' authorization checks about a third person (e.g. "may the mentioned person read
    // this post?"): the same object the person has when signed in.

    /** The person as a principal (role, active flag) for policy checks; empty for unknown ids. */
    public Optional<KontorUser> principal(long id) {
        return users.findPrincipal(id).map(u -> {
            u.eraseCredentials();
            return u;
        });
    }

    // Org units for other modules (a decision can ask everyone in a unit).

    /** All org units, id → name, sorted by name. */
    public Map<Long, String> units() {
        return users.unitNames();
    }

    /** Ids of the active people in the unit and the units below it; empty for an unknown unit. */
    public List<Long> unitMemberIds(long unitId) {
        return users.unitMemberIds(unitId);
    }

    // Full-text search reads people page by page (index rebuild) and by change time (keeping the index current).

    /** Up to {@code limit} people with an id greater than {@code afterId}, by id. */
    public List<PersonText> people(long afterId, int limit) {
        return users.personTexts(afterId, null, limit);
    }

    /** Up to {@code limit} people changed after ({@code since}, {@code afterId}), oldest change first. */
    public List<PersonText> peopleChangedSince(java.time.Instant since, long afterId, int limit) {
        return users.personTexts(afterId, since, limit);
    }

    // The expert finder: declared skills and who may be shown at all (people can hide themselves).

    /** Declared skills containing the topic, of active members/admins who did not opt out; most endorsed first. */
    public List<SkillMatch> skillsMatching(String topic, int limit) {
        return endorsements.holders(topic, limit);
    }

    /** Of these people, the ones the expert finder may show: active members and admins who did not opt out. */
    public java.util.Set<Long> expertCandidates(Collection<Long> ids) {
        return endorsements.candidates(ids);
    }
}
