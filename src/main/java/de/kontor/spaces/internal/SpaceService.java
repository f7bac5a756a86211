package de.kontor.spaces.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.AuditLog;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.Validation;
import de.kontor.spaces.JoinApproved;
import de.kontor.spaces.JoinDeclined;
import de.kontor.spaces.JoinRequested;
import de.kontor.spaces.MemberJoined;
import de.kontor.spaces.MemberLeft;
import de.kontor.spaces.MemberRemoved;
import de.kontor.spaces.MemberRoleChanged;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.SpaceArchived;
import de.kontor.spaces.SpaceCreated;
import de.kontor.spaces.SpaceInvitationDeclined;
import de.kontor.spaces.SpaceInvitationSent;
import de.kontor.spaces.SpaceRole;
import de.kontor.spaces.SpaceUnarchived;
import de.kontor.spaces.SpaceUpdated;
import de.kontor.spaces.Visibility;
import de.kontor.spaces.VisibilityPolicy;

/**
 * Every use case of the spaces module. Each one first loads the space with the viewer's relation to it and asks
 * {@link VisibilityPolicy#decide} what the viewer may do; the order of checks is always the same: 404 when the
 * viewer may not know the space, 403 when they lack the right, 409 when the space is archived or the state
 * forbids it (already a member, last owner, ...).
 */
@Service
public class SpaceService {

    public static final int NAME_MIN = 2;
    public static final int NAME_MAX = 80;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int MESSAGE_MAX = 500;

    /** The outcome of asking to become a member. */
    public enum MembershipState { JOINED, REQUESTED }

    /** A space together with what the viewer may do with it. */
    public record SpaceView(Space space, SpaceAccess access) {
    }

    /** A member with the person's name. */
    public record MemberView(Member member, UserSummary user) {
    }

    /** A pending invitation or request with the person's name. */
    public record PendingView(PendingUser pending, UserSummary user) {
    }

    /** A partial change of a space; null fields stay as they are. */
    public record Changes(String name, String description, String visibility, Boolean archived) {
    }

    /** Everything the home page shows. */
    public record Home(List<Space> mySpaces, boolean moreSpaces, List<PendingView> invitations,
                       List<PendingView> requests, List<Space> toJoin) {
    }

    private final SpaceRepository spaces;
    private final MemberRepository members;
    private final IdentityApi identity;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public SpaceService(SpaceRepository spaces, MemberRepository members, IdentityApi identity,
                        ApplicationEventPublisher events, AuditLog audit) {
        this.spaces = spaces;
        this.members = members;
        this.identity = identity;
        this.events = events;
        this.audit = audit;
    }

    // reading

    @Transactional(readOnly = true)
    public SpaceView view(KontorUser viewer, long spaceId) {
        return load(viewer, spaceId);
    }

    @Transactional(readOnly = true)
    public Page<Space> list(KontorUser viewer, SpaceRepository.Scope scope, String nameFilter, String cursor,
                            Integer limit) {
        if (viewer.guest() && (scope == SpaceRepository.Scope.DISCOVER || scope == SpaceRepository.Scope.JOINABLE)) {
            return new Page<>(List.of(), null);
        }
        int n = Cursor.limit(limit);
        List<Space> rows = spaces.list(viewer.id(), viewer.admin(), viewer.guest(), scope, nameFilter,
                Cursor.decode(cursor), n + 1);
        return page(rows, n, s -> new Cursor(s.name(), s.id()));
    }

    @Transactional(readOnly = true)
    public Home home(KontorUser viewer) {
        List<Space> mine = spaces.list(viewer.id(), viewer.admin(), viewer.guest(), SpaceRepository.Scope.MINE,
                null, null, 11);
        List<Space> toJoin = viewer.guest() ? List.of() : spaces.list(viewer.id(), viewer.admin(), false,
                SpaceRepository.Scope.JOINABLE, null, null, 5);
        return new Home(mine.stream().limit(10).toList(), mine.size() > 10,
                withUsers(members.invitationsOfUser(viewer.id()), PendingUser::invitedBy),
                withUsers(members.requestsModeratedBy(viewer.id(), 20), PendingUser::userId), toJoin);
    }

    @Transactional(readOnly = true)
    public Page<MemberView> members(KontorUser viewer, long spaceId, String cursor, Integer limit) {
        SpaceView v = load(viewer, spaceId);
        if (!v.access().read()) {
            throw new DomainException.Forbidden("space.error.notReadable");
        }
        int n = Cursor.limit(limit);
        List<Member> rows = members.list(spaceId, Cursor.decode(cursor), n + 1);
        Page<Member> p = page(rows, n, m -> new Cursor(m.joinedAt().toString(), m.userId()));
        Map<Long, UserSummary> users = identity.findAll(p.items().stream().map(Member::userId).toList());
        return new Page<>(p.items().stream().map(m -> new MemberView(m, users.get(m.userId())))
                .filter(m -> m.user() != null).toList(), p.nextCursor());
    }

    /** The space for its settings page: owners, moderators and administrators only. */
    @Transactional(readOnly = true)
    public SpaceView settings(KontorUser viewer, long spaceId) {
        SpaceView v = load(viewer, spaceId);
        requireModerator(v);
        return v;
    }

    @Transactional(readOnly = true)
    public List<PendingView> invitations(KontorUser viewer, long spaceId) {
        requireModerator(load(viewer, spaceId));
        return withUsers(members.invitationsOfSpace(spaceId), PendingUser::userId);
    }

    @Transactional(readOnly = true)
    public List<PendingView> requests(KontorUser viewer, long spaceId) {
        requireModerator(load(viewer, spaceId));
        return withUsers(members.requestsOfSpace(spaceId), PendingUser::userId);
    }

    /** People an owner or moderator may invite: active, not yet members, not yet invited. */
    @Transactional(readOnly = true)
    public List<UserSummary> inviteSuggestions(KontorUser viewer, long spaceId, String prefix) {
        requireModerator(load(viewer, spaceId));
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        return identity.suggest(prefix, 20).stream()
                .filter(u -> members.find(spaceId, u.id()).isEmpty() && members.invitation(spaceId, u.id()).isEmpty())
                .limit(8).toList();
    }

    // creating and editing

    /** Guests are external people: they take part where they are invited but never open spaces. */
    public void requireCanCreate(KontorUser viewer) {
        if (viewer.guest()) {
            throw new DomainException.Forbidden("space.error.guestCannotCreate");
        }
    }

    @Transactional
    public Space create(KontorUser viewer, String name, String description, String visibility) {
        requireCanCreate(viewer);
        String desc = description == null ? "" : description;
        Visibility vis = validate(name, desc, visibility);
        if (spaces.nameTaken(name, null)) {
            throw new DomainException.Conflict("name", "space.name.taken");
        }
        long id;
        try {
            id = spaces.create(name, desc, vis, viewer.id());
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("name", "space.name.taken");
        }
        members.add(id, viewer.id(), SpaceRole.OWNER, false);
        events.publishEvent(new SpaceCreated(id, viewer.id(), vis));
        return spaces.find(id, viewer.id()).orElseThrow();
    }

    /** Edits name, description and visibility (moderators) and archives or unarchives (owners). */
    @Transactional
    public Space update(KontorUser viewer, long spaceId, Changes changes) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        Space s = v.space();
        boolean edits = changes.name() != null || changes.description() != null || changes.visibility() != null;
        if (edits) {
            requireModerator(v);
        }
        if (changes.archived() != null) {
            requireAdministrator(v);
        }
        boolean unarchiving = Boolean.FALSE.equals(changes.archived()) && s.archived();
        if (s.archived() && (edits || !unarchiving)) {
            throw archived();
        }
        if (edits) {
            String name = changes.name() == null ? s.name() : changes.name();
            String desc = changes.description() == null ? s.description() : changes.description();
            Visibility vis = validate(name, desc,
                    changes.visibility() == null ? s.visibility().name() : changes.visibility());
            if (spaces.nameTaken(name, spaceId)) {
                throw new DomainException.Conflict("name", "space.name.taken");
            }
            try {
                spaces.update(spaceId, name, desc, vis);
            } catch (DuplicateKeyException e) {
                throw new DomainException.Conflict("name", "space.name.taken");
            }
            events.publishEvent(new SpaceUpdated(spaceId, viewer.id()));
        }
        if (changes.archived() != null && changes.archived() != s.archived()) {
            spaces.setArchived(spaceId, changes.archived());
            audit.record(viewer.id(), changes.archived() ? "space.archived" : "space.unarchived",
                    "space:" + spaceId, null, null);
            events.publishEvent(changes.archived() ? new SpaceArchived(spaceId, viewer.id())
                    : new SpaceUnarchived(spaceId, viewer.id()));
        }
        return spaces.find(spaceId, viewer.id()).orElseThrow();
    }

    @Transactional
    public void archive(KontorUser viewer, long spaceId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireAdministrator(v);
        if (v.space().archived()) {
            throw archived();
        }
        update(viewer, spaceId, new Changes(null, null, null, true));
    }

    @Transactional
    public void unarchive(KontorUser viewer, long spaceId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireAdministrator(v);
        if (!v.space().archived()) {
            throw new DomainException.Conflict(null, "space.error.notArchived");
        }
        update(viewer, spaceId, new Changes(null, null, null, false));
    }

    // becoming a member

    @Transactional
    public void join(KontorUser viewer, long spaceId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireNotMember(v);
        if (!v.access().join()) {
            throw new DomainException.Forbidden(viewer.guest() ? "space.error.guestCannotJoin"
                    : "space.error.cannotJoin");
        }
        requireNotArchived(v);
        addMember(spaceId, viewer.id(), SpaceRole.MEMBER, viewer.guest());
    }

    @Transactional
    public void requestMembership(KontorUser viewer, long spaceId, String message) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireNotMember(v);
        if (viewer.guest() || v.space().visibility() == Visibility.SECRET) {
            throw new DomainException.Forbidden(viewer.guest() ? "space.error.guestCannotJoin"
                    : "space.error.cannotJoin");
        }
        requireNotArchived(v);
        if (v.space().visibility() == Visibility.PUBLIC) {
            throw new DomainException.Conflict(null, "space.error.requestNotNeeded");
        }
        if (v.space().requested()) {
            throw new DomainException.Conflict(null, "space.error.alreadyRequested");
        }
        new Validation().maxLength("message", message, MESSAGE_MAX).throwIfInvalid();
        members.addRequest(spaceId, viewer.id(), message);
        events.publishEvent(new JoinRequested(spaceId, viewer.id()));
    }

    /** Joins a public space, or asks to join a private one (what the API's POST on members does). */
    @Transactional
    public MembershipState joinOrRequest(KontorUser viewer, long spaceId, String message) {
        SpaceView v = load(viewer, spaceId);
        if (!v.access().join() && v.access().request()) {
            requestMembership(viewer, spaceId, message);
            return MembershipState.REQUESTED;
        }
        join(viewer, spaceId);
        return MembershipState.JOINED;
    }

    @Transactional
    public void leave(KontorUser viewer, long spaceId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        if (!v.access().member()) {
            throw new DomainException.Conflict(null, "space.error.notMember");
        }
        requireAnotherOwner(v, viewer.id());
        members.remove(spaceId, viewer.id());
        events.publishEvent(new MemberLeft(spaceId, viewer.id()));
    }

    // invitations

    @Transactional
    public void inviteByEmail(KontorUser viewer, long spaceId, String email) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireModerator(v);
        requireNotArchived(v);
        new Validation().email("email", email).throwIfInvalid();
        UserSummary user = identity.findByEmail(email).filter(UserSummary::active)
                .orElseThrow(() -> new DomainException.Invalid("email", "space.invite.unknownUser"));
        invite(viewer, v, user, "email");
    }

    @Transactional
    public void inviteById(KontorUser viewer, long spaceId, Long userId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireModerator(v);
        requireNotArchived(v);
        if (userId == null) {
            throw new DomainException.Invalid("userId", "validation.required");
        }
        UserSummary user = identity.find(userId).filter(UserSummary::active)
                .orElseThrow(() -> new DomainException.Invalid("userId", "space.invite.unknownUser"));
        invite(viewer, v, user, "userId");
    }

    private void invite(KontorUser viewer, SpaceView v, UserSummary user, String field) {
        long spaceId = v.space().id();
        if (members.find(spaceId, user.id()).isPresent()) {
            throw new DomainException.Conflict(field, "space.invite.alreadyMember");
        }
        if (members.invitation(spaceId, user.id()).isPresent()) {
            throw new DomainException.Conflict(field, "space.invite.alreadyInvited");
        }
        members.invite(spaceId, user.id(), viewer.id());
        events.publishEvent(new SpaceInvitationSent(spaceId, user.id(), viewer.id()));
    }

    @Transactional
    public void acceptInvitation(KontorUser viewer, long spaceId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        if (!v.space().invited()) {
            throw new DomainException.NotFound();
        }
        requireNotArchived(v);
        members.deleteInvitation(spaceId, viewer.id());
        members.deleteRequest(spaceId, viewer.id());
        if (!v.access().member()) {
            addMember(spaceId, viewer.id(), SpaceRole.MEMBER, viewer.guest());
        }
    }

    @Transactional
    public void declineInvitation(KontorUser viewer, long spaceId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        if (!v.space().invited()) {
            throw new DomainException.NotFound();
        }
        requireNotArchived(v);
        members.deleteInvitation(spaceId, viewer.id());
        events.publishEvent(new SpaceInvitationDeclined(spaceId, viewer.id()));
    }

    // join requests

    @Transactional
    public void approve(KontorUser viewer, long spaceId, long userId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireModerator(v);
        requireNotArchived(v);
        if (!members.deleteRequest(spaceId, userId)) {
            throw new DomainException.NotFound();
        }
        UserSummary user = identity.find(userId).orElseThrow(DomainException.NotFound::new);
        members.deleteInvitation(spaceId, userId);
        events.publishEvent(new JoinApproved(spaceId, userId, viewer.id()));
        addMember(spaceId, userId, SpaceRole.MEMBER, user.guest());
    }

    @Transactional
    public void decline(KontorUser viewer, long spaceId, long userId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireModerator(v);
        requireNotArchived(v);
        if (!members.deleteRequest(spaceId, userId)) {
            throw new DomainException.NotFound();
        }
        events.publishEvent(new JoinDeclined(spaceId, userId, viewer.id()));
    }

    // managing members

    @Transactional
    public void remove(KontorUser viewer, long spaceId, long userId) {
        if (userId == viewer.id()) {
            leave(viewer, spaceId);
            return;
        }
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireModerator(v);
        requireNotArchived(v);
        Member target = members.find(spaceId, userId).orElseThrow(DomainException.NotFound::new);
        if (target.role() == SpaceRole.OWNER && !v.access().administer()) {
            throw new DomainException.Forbidden("space.error.cannotRemoveOwner");
        }
        if (target.role() == SpaceRole.OWNER) {
            requireAnotherOwner(v, userId);
        }
        members.remove(spaceId, userId);
        events.publishEvent(new MemberRemoved(spaceId, userId, viewer.id()));
    }

    @Transactional
    public MemberView changeRole(KontorUser viewer, long spaceId, long userId, String role) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireAdministrator(v);
        requireNotArchived(v);
        SpaceRole newRole = parse(SpaceRole.class, role);
        if (newRole == null) {
            throw new DomainException.Invalid("role", "space.role.invalid");
        }
        Member target = members.find(spaceId, userId).orElseThrow(DomainException.NotFound::new);
        if (target.role() != newRole) {
            if (target.role() == SpaceRole.OWNER) {
                requireAnotherOwner(v, userId);
            }
            members.setRole(spaceId, userId, newRole);
            events.publishEvent(new MemberRoleChanged(spaceId, userId, newRole, viewer.id()));
        }
        return new MemberView(members.find(spaceId, userId).orElseThrow(),
                identity.find(userId).orElseThrow(DomainException.NotFound::new));
    }

    /** Makes a member the owner; the previous owner (or every owner, when an administrator acts) becomes moderator. */
    @Transactional
    public void transferOwnership(KontorUser viewer, long spaceId, Long userId) {
        SpaceView v = lockAndLoad(viewer, spaceId);
        requireAdministrator(v);
        requireNotArchived(v);
        if (userId == null) {
            throw new DomainException.Invalid("userId", "validation.required");
        }
        Member target = members.find(spaceId, userId)
                .orElseThrow(() -> new DomainException.Invalid("userId", "space.transfer.notMember"));
        if (target.userId() == viewer.id()) {
            throw new DomainException.Invalid("userId", "space.transfer.self");
        }
        members.setRole(spaceId, userId, SpaceRole.OWNER);
        if (v.access().role() == SpaceRole.OWNER) {
            members.setRole(spaceId, viewer.id(), SpaceRole.MODERATOR);
            events.publishEvent(new MemberRoleChanged(spaceId, viewer.id(), SpaceRole.MODERATOR, viewer.id()));
        } else {
            members.demoteOwnersExcept(spaceId, userId);
        }
        events.publishEvent(new MemberRoleChanged(spaceId, userId, SpaceRole.OWNER, viewer.id()));
        audit.record(viewer.id(), "space.ownership_transferred", "space:" + spaceId, null, "to user:" + userId);
    }

    // helpers

    private SpaceView load(KontorUser viewer, long spaceId) {
        Space s = spaces.find(spaceId, viewer.id()).orElseThrow(DomainException.NotFound::new);
        SpaceAccess a = VisibilityPolicy.decide(viewer, s.visibility(), s.archived(), s.myRole(), s.invited());
        if (!a.see()) {
            throw new DomainException.NotFound();
        }
        return new SpaceView(s, a);
    }

    private SpaceView lockAndLoad(KontorUser viewer, long spaceId) {
        spaces.lock(spaceId);
        return load(viewer, spaceId);
    }

    private void addMember(long spaceId, long userId, SpaceRole role, boolean guest) {
        members.add(spaceId, userId, role, guest);
        events.publishEvent(new MemberJoined(spaceId, userId, role));
    }

    private static void requireModerator(SpaceView v) {
        if (!v.access().moderate()) {
            throw new DomainException.Forbidden();
        }
    }

    private static void requireAdministrator(SpaceView v) {
        if (!v.access().administer()) {
            throw new DomainException.Forbidden();
        }
    }

    private static void requireNotMember(SpaceView v) {
        if (v.access().member()) {
            throw new DomainException.Conflict(null, "space.error.alreadyMember");
        }
    }

    private static void requireNotArchived(SpaceView v) {
        if (v.space().archived()) {
            throw archived();
        }
    }

    private void requireAnotherOwner(SpaceView v, long leavingOwner) {
        Optional<Member> m = members.find(v.space().id(), leavingOwner);
        if (m.isPresent() && m.get().role() == SpaceRole.OWNER && members.ownerCount(v.space().id()) <= 1) {
            throw new DomainException.Conflict(null, "space.error.lastOwner");
        }
    }

    private static DomainException archived() {
        return new DomainException.Conflict(null, "space.error.archived");
    }

    private static Visibility validate(String name, String description, String visibility) {
        Visibility vis = parse(Visibility.class, visibility);
        new Validation()
                .length("name", name, NAME_MIN, NAME_MAX)
                .maxLength("description", description, DESCRIPTION_MAX)
                .check(vis != null, "visibility", "space.visibility.invalid")
                .throwIfInvalid();
        return vis;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Pairs each pending row with a person: the invitee or requester, or (on the home page) who invited. */
    private List<PendingView> withUsers(List<PendingUser> rows, Function<PendingUser, Long> who) {
        Map<Long, UserSummary> users = identity.findAll(rows.stream().map(who).filter(Objects::nonNull).toList());
        return rows.stream().map(r -> new PendingView(r, who.apply(r) == null ? null : users.get(who.apply(r))))
                .toList();
    }

    private static <T> Page<T> page(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.getLast()).encode());
    }
}
