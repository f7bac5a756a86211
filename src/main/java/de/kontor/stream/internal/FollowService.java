package de.kontor.stream.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.internal.FollowRepository.Follow;
import de.kontor.stream.internal.FollowRepository.Type;

/** Following people, spaces, tags and single conversations, and muting spaces; only what the viewer may read. */
@Service
public class FollowService {

    private final FollowRepository follows;
    private final VisibilityPolicy policy;
    private final IdentityApi identity;
    private final PostService posts;

    FollowService(FollowRepository follows, VisibilityPolicy policy, IdentityApi identity, PostService posts) {
        this.follows = follows;
        this.policy = policy;
        this.identity = identity;
        this.posts = posts;
    }

    static Type type(String raw) {
        try {
            return Type.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("type", "stream.error.followType");
        }
    }

    /** The normalized key after checking that the target exists for the viewer (404 otherwise). */
    String check(KontorUser viewer, Type type, String key) {
        return switch (type) {
            case TAG -> StreamService.normalizeTag(key);
            case USER -> {
                long id = id(key);
                identity.find(id).filter(u -> u.active()).orElseThrow(DomainException.NotFound::new);
                yield Long.toString(id);
            }
            case SPACE -> {
                long id = id(key);
                policy.requireReadable(viewer, id);
                yield Long.toString(id);
            }
            case POST -> Long.toString(posts.readable(viewer, id(key)).id());
        };
    }

    @Transactional
    public String follow(KontorUser viewer, Type type, String key) {
        String k = check(viewer, type, key);
        if (type == Type.USER && Long.parseLong(k) == viewer.id()) {
            throw new DomainException.Invalid("key", "stream.error.followSelf");
        }
        follows.follow(viewer.id(), type, k);
        return k;
    }

    @Transactional
    public void unfollow(KontorUser viewer, Type type, String key) {
        String k = type == Type.TAG ? StreamService.normalizeTag(key) : Long.toString(id(key));
        follows.unfollow(viewer.id(), type, k);
    }

    public boolean follows(KontorUser viewer, Type type, String key) {
        return follows.follows(viewer.id(), type, check(viewer, type, key));
    }

    public List<Follow> all(KontorUser viewer) {
        return follows.all(viewer.id());
    }

    @Transactional
    public void mute(KontorUser viewer, long spaceId, boolean mute) {
        policy.requireReadable(viewer, spaceId);
        if (mute) {
            follows.mute(viewer.id(), spaceId);
        } else {
            follows.unmute(viewer.id(), spaceId);
        }
    }

    public boolean muted(KontorUser viewer, long spaceId) {
        return follows.muted(viewer.id()).contains(spaceId);
    }

    private static long id(String key) {
        try {
            return Long.parseLong(key.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.NotFound();
        }
    }
}
