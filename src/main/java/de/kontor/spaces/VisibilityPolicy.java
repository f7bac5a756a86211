package de.kontor.spaces;

import java.util.Set;
import java.util.function.Predicate;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.spaces.internal.SpaceRepository;

/**
 * The one place that decides who may see, read, write, moderate and administer a space. Every module that shows
 * or changes something inside a space asks this policy in its service.
 *
 * <ul>
 * <li>PUBLIC: every active company member (MEMBER/ADMIN) sees, reads and may join it.</li>
 * <li>PRIVATE: company members see name, description and member count; only space members read the content;
 * others ask to join and an owner or moderator approves.</li>
 * <li>SECRET: does not exist for anyone but its members and the people invited into it (who see name and
 * description only until they accept).</li>
 * <li>Guests (external people) see only the spaces they belong to or are invited to; they never join on their own.</li>
 * <li>Administrators are the company's administrators: they see, read and administer every space, secret ones
 * included, so that no space can become unmanageable. They write content only where they are members.</li>
 * <li>An archived space is read-only: {@code write} is false; the services reject every other change with 409,
 * except leaving and unarchiving.</li>
 * </ul>
 */
@Service
public class VisibilityPolicy {

    private static final String READABLE_MEMO = VisibilityPolicy.class.getName() + ".readable:";

    private final SpaceRepository spaces;

    public VisibilityPolicy(SpaceRepository spaces) {
        this.spaces = spaces;
    }

    /** Knows that the space exists (name, description, member count). */
    public boolean canSee(KontorUser viewer, long spaceId) {
        return access(viewer, spaceId).see();
    }

    /** Reads the content of the space (posts, pages, members). */
    public boolean canRead(KontorUser viewer, long spaceId) {
        return access(viewer, spaceId).read();
    }

    /** Contributes content to the space. */
    public boolean canWrite(KontorUser viewer, long spaceId) {
        return access(viewer, spaceId).write();
    }

    /** Edits the space, invites, approves requests and removes members. */
    public boolean canModerate(KontorUser viewer, long spaceId) {
        return access(viewer, spaceId).moderate();
    }

    /** Changes roles, transfers ownership, archives. */
    public boolean canAdminister(KontorUser viewer, long spaceId) {
        return access(viewer, spaceId).administer();
    }

    /**
     * Ids of every space whose content the viewer may read (for streams, search and suggestions). Remembered for
     * the rest of the current web request (a page asks several times); a membership change within the request
     * forgets it ({@link #forgetReadable}).
     */
    public Set<Long> readableSpaceIds(KontorUser viewer) {
        if (viewer == null || !viewer.active()) {
            return Set.of();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = READABLE_MEMO + viewer.id() + ":" + viewer.role();
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Set<?> memo) {
            @SuppressWarnings("unchecked")
            Set<Long> ids = (Set<Long>) memo;
            return ids;
        }
        Set<Long> ids = Set.copyOf(spaces.readableIds(viewer.id(), viewer.admin(), viewer.guest()));
        if (request != null) {
            request.setAttribute(key, ids, RequestAttributes.SCOPE_REQUEST);
        }
        return ids;
    }

    /** Forgets the readable spaces remembered for the current request (after a membership changed in it). */
    @EventListener({MemberJoined.class, MemberLeft.class, MemberRemoved.class, SpaceUpdated.class})
    void forgetReadable() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
                if (name.startsWith(READABLE_MEMO)) {
                    request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
                }
            }
        }
    }

    /**
     * Who may read a space's content, decided once for many people (live delivery to every open stream). The
     * predicate applies {@link #decide} to each person with the memberships read now; an unknown space reads as
     * nobody.
     */
    public Predicate<KontorUser> readers(long spaceId) {
        return spaces.readerRow(spaceId).<Predicate<KontorUser>>map(row -> viewer -> viewer != null
                        && decide(viewer, row.visibility(), false,
                        row.members().contains(viewer.id()) ? SpaceRole.MEMBER : null, false).read())
                .orElse(viewer -> false);
    }

    /** Ids of every space the viewer knows exists (its name and description may be shown, e.g. in search). */
    public Set<Long> visibleSpaceIds(KontorUser viewer) {
        if (viewer == null || !viewer.active()) {
            return Set.of();
        }
        return spaces.visibleIds(viewer.id(), viewer.admin(), viewer.guest());
    }

    /** Everything the viewer may do with the space; {@link SpaceAccess#NONE} when it does not exist. */
    public SpaceAccess access(KontorUser viewer, long spaceId) {
        if (viewer == null || !viewer.active()) {
            return SpaceAccess.NONE;
        }
        return spaces.accessRow(spaceId, viewer.id())
                .map(s -> decide(viewer, s.visibility(), s.archived(), s.myRole(), s.invited()))
                .orElse(SpaceAccess.NONE);
    }

    /**
     * Access for other modules' services: throws 404 when the viewer may not know the space exists and 403 when
     * they may see it but not read its content.
     */
    public SpaceAccess requireReadable(KontorUser viewer, long spaceId) {
        SpaceAccess a = access(viewer, spaceId);
        if (!a.see()) {
            throw new DomainException.NotFound();
        }
        if (!a.read()) {
            throw new DomainException.Forbidden("space.error.notReadable");
        }
        return a;
    }

    /** Like {@link #requireReadable} and additionally 403 for non-members and 409 for archived spaces. */
    public SpaceAccess requireWritable(KontorUser viewer, long spaceId) {
        SpaceAccess a = requireReadable(viewer, spaceId);
        if (!a.member()) {
            throw new DomainException.Forbidden("space.error.notMember");
        }
        if (a.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
        return a;
    }

    /** The rules themselves, without any database access (see the class comment). */
    public static SpaceAccess decide(KontorUser viewer, Visibility visibility, boolean archived, SpaceRole role,
                                     boolean invited) {
        if (viewer == null || !viewer.active()) {
            return SpaceAccess.NONE;
        }
        boolean admin = viewer.admin();
        boolean guest = viewer.guest();
        boolean member = role != null;
        boolean see = admin || member || invited || (!guest && visibility != Visibility.SECRET);
        if (!see) {
            return SpaceAccess.NONE;
        }
        boolean read = admin || member || (!guest && visibility == Visibility.PUBLIC);
        boolean write = member && !archived;
        boolean moderate = admin || (member && role.moderates());
        boolean administer = admin || role == SpaceRole.OWNER;
        boolean join = !member && !guest && (visibility == Visibility.PUBLIC || admin);
        boolean request = !member && !guest && visibility == Visibility.PRIVATE;
        return new SpaceAccess(true, read, write, moderate, administer, join, request, role, invited, archived);
    }
}
