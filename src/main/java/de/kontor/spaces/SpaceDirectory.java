package de.kontor.spaces;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import de.kontor.spaces.internal.MemberRepository;
import de.kontor.spaces.internal.SpaceRepository;

/**
 * Facts about spaces that other modules need without deciding access (that stays in {@link VisibilityPolicy}):
 * names to label things and the people who moderate a space (to notify them of join requests). A caller shows
 * a name only where the viewer may see the space.
 */
@Service
public class SpaceDirectory {

    /** A space's id and name. */
    public record SpaceName(long id, String name) {
    }

    private final SpaceRepository spaces;
    private final MemberRepository members;

    public SpaceDirectory(SpaceRepository spaces, MemberRepository members) {
        this.spaces = spaces;
        this.members = members;
    }

    /** Names by id; unknown ids are skipped. */
    public Map<Long, String> names(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : spaces.names(ids);
    }

    /** Owners and moderators of the space. */
    public List<Long> moderatorIds(long spaceId) {
        return members.moderatorIds(spaceId);
    }

    /** The spaces the person is a member of, by name (at most {@code limit}). */
    public List<SpaceName> memberSpaces(long userId, int limit) {
        return spaces.memberSpaces(userId, limit);
    }
}
