package de.kontor.spaces;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import de.kontor.spaces.internal.MemberRepository;
import de.kontor.spaces.internal.SpaceRepository;

/**
 * Facts about spaces that other modules show next to their own content (names, memberships, moderators). It decides
 * nothing: whether someone may see or read a space is always {@link VisibilityPolicy}'s answer, and a caller shows a
 * name only where the viewer may see the space.
 */
@Service
public class SpaceDirectory {

    /** Name and kind of a space, for labels and links. */
    public record SpaceRef(long id, String name, Visibility visibility, boolean archived) {
    }

    /** A space with its description, for full-text search. */
    public record SpaceText(long id, String name, String description, Visibility visibility, boolean archived,
                            Instant createdAt) {
    }

    private final SpaceRepository spaces;
    private final MemberRepository members;

    public SpaceDirectory(SpaceRepository spaces, MemberRepository members) {
        this.spaces = spaces;
        this.members = members;
    }

    /** The spaces by id; unknown ids are skipped. Callers show only those the viewer may see. */
    public Map<Long, SpaceRef> find(Collection<Long> ids) {
        return spaces.refs(ids);
    }

    /**
     * The space with this name (case-insensitive), for a space named in configuration (e.g. the wiki that takes
     * company-wide answers); empty when there is none. Callers still ask the policy before showing or writing.
     */
    public Optional<SpaceRef> named(String name) {
        return name == null || name.isBlank() ? Optional.empty() : spaces.refByName(name);
    }

    /** The spaces the user is a member of, by name. */
    public List<SpaceRef> memberships(long userId) {
        return spaces.memberRefs(userId);
    }

    /** Ids of every public space (the company-wide stream). */
    public Set<Long> publicIds() {
        return spaces.publicIds();
    }

    /** Ids of a space's members (to limit suggestions of people for a private or secret space). */
    public Set<Long> memberIds(long spaceId) {
        return spaces.memberIds(spaceId);
    }

    /** The space with its description; empty when it does not exist (any more). */
    public Optional<SpaceText> text(long spaceId) {
        return spaces.texts(0, spaceId, 1).stream().findFirst();
    }

    /** Up to {@code limit} spaces with an id greater than {@code afterId}, by id (a full search index rebuild). */
    public List<SpaceText> texts(long afterId, int limit) {
        return spaces.texts(afterId, null, limit);
    }

    /** Owners and moderators of the space (to notify them of join requests). */
    public List<Long> moderatorIds(long spaceId) {
        return members.moderatorIds(spaceId);
    }
}
