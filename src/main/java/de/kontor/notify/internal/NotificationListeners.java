package de.kontor.notify.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.kontor.decisions.DecisionClosed;
import de.kontor.decisions.DecisionReminder;
import de.kontor.decisions.DecisionRequested;
import de.kontor.notify.internal.Notifications.Subject;
import de.kontor.spaces.JoinApproved;
import de.kontor.spaces.JoinRequested;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceInvitationSent;
import de.kontor.stream.CommentAdded;
import de.kontor.stream.PostFollowers;
import de.kontor.stream.ReactionAdded;
import de.kontor.stream.UserMentioned;
import de.kontor.wiki.WikiPageSaved;
import de.kontor.wiki.WikiWatchers;

/** Turns other modules' events into notifications, after their transaction committed. */
@Component
class NotificationListeners {

    private final Notifications notifications;
    private final SpaceDirectory spaces;
    private final PostFollowers followers;
    private final WikiWatchers watchers;

    NotificationListeners(Notifications notifications, SpaceDirectory spaces, PostFollowers followers,
                          WikiWatchers watchers) {
        this.notifications = notifications;
        this.spaces = spaces;
        this.followers = followers;
        this.watchers = watchers;
    }

    @ApplicationModuleListener
    void on(SpaceInvitationSent e) {
        notifications.notify(e.userId(), e.invitedBy(),
                new Subject(NotificationType.SPACE_INVITATION, e.spaceId(), null, null, null));
    }

    @ApplicationModuleListener
    void on(JoinRequested e) {
        for (long moderator : spaces.moderatorIds(e.spaceId())) {
            notifications.notify(moderator, e.userId(),
                    new Subject(NotificationType.JOIN_REQUEST, e.spaceId(), null, null, null));
        }
    }

    @ApplicationModuleListener
    void on(JoinApproved e) {
        notifications.notify(e.userId(), e.approvedBy(),
                new Subject(NotificationType.JOIN_APPROVED, e.spaceId(), null, null, null));
    }

    @ApplicationModuleListener
    void on(UserMentioned e) {
        notifications.notify(e.mentionedUserId(), e.authorId(),
                new Subject(NotificationType.MENTIONED, e.spaceId(), e.postId(), e.commentId(), null));
    }

    /** The post's author, and everyone following the post's conversation. */
    @ApplicationModuleListener
    void on(CommentAdded e) {
        notifications.notify(e.postAuthorId(), e.authorId(),
                new Subject(NotificationType.COMMENT_ON_MY_POST, e.spaceId(), e.postId(), e.commentId(), null));
        for (long follower : followers.followers(e.postId())) {
            if (follower != e.postAuthorId()) {
                notifications.notify(follower, e.authorId(), new Subject(NotificationType.COMMENT_ON_FOLLOWED_POST,
                        e.spaceId(), e.postId(), e.commentId(), null));
            }
        }
    }

    /** The people asked to answer a decision (its proposer asked them). */
    @ApplicationModuleListener
    void on(DecisionRequested e) {
        for (long person : e.askedIds()) {
            notifications.notify(person, e.proposerId(), decision(NotificationType.DECISION_REQUESTED, e.spaceId(),
                    e.decisionId()));
        }
    }

    /** The people asked who have not answered, shortly before the deadline. */
    @ApplicationModuleListener
    void on(DecisionReminder e) {
        for (long person : e.recipientIds()) {
            notifications.notify(person, e.proposerId(), decision(NotificationType.DECISION_REMINDER, e.spaceId(),
                    e.decisionId()));
        }
    }

    /** Everyone asked learns the outcome. */
    @ApplicationModuleListener
    void on(DecisionClosed e) {
        for (long person : e.askedIds()) {
            notifications.notify(person, e.proposerId(), decision(NotificationType.DECISION_CLOSED, e.spaceId(),
                    e.decisionId()));
        }
    }

    private static Subject decision(NotificationType type, long spaceId, long decisionId) {
        return new Subject(type, spaceId, null, null, null, decisionId);
    }

    /** All reactions to one post collect in one notification ("Anna and 3 others reacted"). */
    @ApplicationModuleListener
    void on(ReactionAdded e) {
        notifications.notify(e.postAuthorId(), e.userId(), new Subject(NotificationType.REACTION_ON_MY_POST,
                e.spaceId(), e.postId(), null, "reactions:post:" + e.postId()));
    }

    /** Everyone watching the page; further changes collect in one notification per page until it is read. */
    @ApplicationModuleListener
    void on(WikiPageSaved e) {
        for (long watcher : watchers.watchers(e.pageId())) {
            notifications.notify(watcher, e.authorId(), new Subject(NotificationType.WIKI_PAGE_CHANGED, e.spaceId(),
                    e.pageId(), null, "wiki:page:" + e.pageId()));
        }
    }
}
