package de.kontor.notify.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.kontor.identity.UserRoleChanged;
import de.kontor.identity.UserStatusChanged;
import de.kontor.messaging.MessageSent;
import de.kontor.stream.CommentAdded;
import de.kontor.stream.PostDeleted;
import de.kontor.stream.PostEdited;
import de.kontor.stream.PostPublished;
import de.kontor.stream.ReactionAdded;

/**
 * Announces stream and messaging activity as live events. Only ids travel: a page that wants the content loads it
 * through the normal, access-checked endpoints.
 */
@Component
class LiveListeners {

    private final LiveEvents live;

    LiveListeners(LiveEvents live) {
        this.live = live;
    }

    @ApplicationModuleListener
    void on(UserRoleChanged e) {
        live.toUser(e.userId(), LiveHub.ACCOUNT_EVENT, Map.of());
    }

    @ApplicationModuleListener
    void on(UserStatusChanged e) {
        live.toUser(e.userId(), LiveHub.ACCOUNT_EVENT, Map.of());
    }

    @ApplicationModuleListener
    void on(PostPublished e) {
        live.toReaders(e.spaceId(), "post", post(e.postId(), e.spaceId(), "published"));
    }

    @ApplicationModuleListener
    void on(PostEdited e) {
        live.toReaders(e.spaceId(), "post", post(e.postId(), e.spaceId(), "edited"));
    }

    @ApplicationModuleListener
    void on(PostDeleted e) {
        live.toReaders(e.spaceId(), "post", post(e.postId(), e.spaceId(), "deleted"));
    }

    @ApplicationModuleListener
    void on(CommentAdded e) {
        Map<String, Object> payload = ids(e.postId(), e.spaceId());
        payload.put("commentId", Long.toString(e.commentId()));
        live.toReaders(e.spaceId(), "comment", payload);
    }

    @ApplicationModuleListener
    void on(ReactionAdded e) {
        Map<String, Object> payload = ids(e.postId(), e.spaceId());
        payload.put("reaction", e.reaction());
        live.toReaders(e.spaceId(), "reaction", payload);
    }

    @ApplicationModuleListener
    void on(MessageSent e) {
        Map<String, Object> payload = Map.of("messageId", Long.toString(e.messageId()),
                "conversationId", Long.toString(e.conversationId()));
        for (long recipient : e.recipientIds()) {
            live.toUser(recipient, "message", payload);
        }
    }

    private static Map<String, Object> post(long postId, Long spaceId, String action) {
        Map<String, Object> payload = ids(postId, spaceId);
        payload.put("action", action);
        return payload;
    }

    private static Map<String, Object> ids(long postId, Long spaceId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("postId", Long.toString(postId));
        payload.put("spaceId", spaceId == null ? null : Long.toString(spaceId));
        return payload;
    }
}
