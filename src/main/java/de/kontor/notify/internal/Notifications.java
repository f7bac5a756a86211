package de.kontor.notify.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.notify.NotificationCreated;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;

/**
 * Creating, listing and reading notifications. A notification is created only for someone who may read its space
 * at that moment and wants it (type and space preferences), never for the person who acted; it is listed only
 * while they may still read the space. Someone who wants the type by e-mail gets {@link NotificationCreated}
 * published for the mail module (also when the in-app switch is off).
 */
@Service
class Notifications {

    private final NotificationRepository notifications;
    private final PreferenceRepository preferences;
    private final LiveEvents live;
    private final VisibilityPolicy policy;
    private final IdentityApi identity;
    private final SpaceDirectory spaces;
    private final ApplicationEventPublisher events;

    Notifications(NotificationRepository notifications, PreferenceRepository preferences, LiveEvents live,
                  VisibilityPolicy policy, IdentityApi identity, SpaceDirectory spaces,
                  ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.live = live;
        this.policy = policy;
        this.identity = identity;
        this.spaces = spaces;
        this.events = events;
    }

    /** What a notification is about; {@code groupKey} set for notifications that collect repeated events. */
    record Subject(NotificationType type, Long spaceId, Long postId, Long commentId, String groupKey, Long targetId) {
        Subject(NotificationType type, Long spaceId, Long postId, Long commentId, String groupKey) {
            this(type, spaceId, postId, commentId, groupKey, null);
        }
    }

    /**
     * Notifies the recipient unless they acted themselves, may not read the space, or do not want it (in app and
     * by e-mail are separate switches; the space level applies to both).
     */
    @Transactional
    void notify(long recipientId, long actorId, Subject subject) {
        if (recipientId == actorId) {
            return;
        }
        deliver(recipientId, actorId, subject);
    }

    /** A notification no person caused (a job noticed something), never grouped; the same checks otherwise. */
    @Transactional
    void notifyFromSystem(long recipientId, Subject subject) {
        deliver(recipientId, null, subject);
    }

    private void deliver(long recipientId, Long actorId, Subject subject) {
        Optional<KontorUser> recipient = identity.principal(recipientId).filter(KontorUser::active);
        if (recipient.isEmpty() || !mayKnow(recipient.get(), subject) || !spaceAllows(recipientId, subject)) {
            return;
        }
        if (preferences.inApp(recipientId, subject.type())) {
            long id = subject.groupKey() == null
                    ? notifications.insert(recipientId, subject.type(), subject.spaceId(), subject.postId(),
                    subject.commentId(), actorId, subject.targetId())
                    : notifications.upsertGrouped(recipientId, subject.type(), subject.groupKey(),
                    subject.spaceId(), subject.postId(), actorId);
            live.toUser(recipientId, "notification", Map.of("id", Long.toString(id), "type", subject.type().name(),
                    "unreadCount", unreadCount(recipient.get())));
        }
        if (preferences.email(recipientId, subject.type())) {
            events.publishEvent(new NotificationCreated(recipientId, subject.type().name(), subject.spaceId(),
                    subject.postId(), subject.commentId(), actorId,
                    Notification.link(subject.type(), subject.spaceId(), subject.postId(), subject.commentId(),
                            subject.targetId()), Instant.now()));
        }
    }

    /** An invitee cannot read the space yet, only see it; everything else needs read access. */
    private boolean mayKnow(KontorUser recipient, Subject subject) {
        if (subject.spaceId() == null) {
            return !recipient.guest();
        }
        return subject.type() == NotificationType.SPACE_INVITATION
                ? policy.canSee(recipient, subject.spaceId())
                : policy.canRead(recipient, subject.spaceId());
    }

    private boolean spaceAllows(long recipientId, Subject subject) {
        return subject.spaceId() == null
                || preferences.spaceLevel(recipientId, subject.spaceId()).allows(subject.type());
    }

    int unreadCount(KontorUser viewer) {
        return notifications.unreadCount(viewer.id(), policy.readableSpaceIds(viewer), !viewer.guest());
    }

    Page<NotificationView> list(KontorUser viewer, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        List<Notification> rows = notifications.list(viewer.id(), policy.readableSpaceIds(viewer), !viewer.guest(),
                Cursor.decode(cursor), size + 1);
        boolean more = rows.size() > size;
        List<Notification> pageRows = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(pageRows.getLast().updatedAt().toString(), pageRows.getLast().id()).encode()
                : null;
        // an invitation stays listed only while its space is still visible to the invitee
        List<Notification> visible = pageRows.stream()
                .filter(n -> n.type() != NotificationType.SPACE_INVITATION || policy.canSee(viewer, n.spaceId()))
                .toList();
        Set<Long> actorIds = new HashSet<>();
        Set<Long> spaceIds = new HashSet<>();
        for (Notification n : visible) {
            if (n.actorId() != null) {
                actorIds.add(n.actorId());
            }
            if (n.spaceId() != null) {
                spaceIds.add(n.spaceId());
            }
        }
        Map<Long, UserSummary> actors = identity.findAll(actorIds);
        Map<Long, SpaceDirectory.SpaceRef> refs = spaces.find(spaceIds);
        List<NotificationView> views = new ArrayList<>();
        for (Notification n : visible) {
            views.add(new NotificationView(n, n.actorId() == null ? null : actors.get(n.actorId()),
                    n.spaceId() == null || !refs.containsKey(n.spaceId()) ? null : refs.get(n.spaceId()).name()));
        }
        return new Page<>(views, next);
    }

    /** Marks the notification read and returns where it leads; 404 for someone else's notification. */
    @Transactional
    String open(KontorUser viewer, long id) {
        Notification n = notifications.find(id, viewer.id()).orElseThrow(DomainException.NotFound::new);
        notifications.markRead(id, viewer.id());
        return n.link();
    }

    @Transactional
    void markRead(KontorUser viewer, long id) {
        notifications.find(id, viewer.id()).orElseThrow(DomainException.NotFound::new);
        notifications.markRead(id, viewer.id());
    }

    @Transactional
    void markAllRead(KontorUser viewer) {
        notifications.markAllRead(viewer.id());
    }
}
