package de.kontor.stream.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceDirectory.SpaceRef;
import de.kontor.stream.PostExtension;

/** Builds what a page or the API shows for posts: authors, space, reactions, comments and the viewer's rights. */
@Component
public class PostViews {

    /** How many comments a stream shows per post before "show all". */
    static final int COMMENTS_IN_STREAM = 3;

    public record Author(long id, String name, String initials, String unit, boolean guest, String avatarUrl) {
        static Author of(UserSummary u, long id) {
            if (u == null) {
                return new Author(id, "?", "?", null, false, null);
            }
            return new Author(u.id(), u.displayName(), u.initials(), u.orgUnit(), u.guest(),
                    u.avatarVersion() > 0 ? "/people/" + u.id() + "/avatar?v=" + u.avatarVersion() : null);
        }
    }

    public record ReactionView(String code, String emoji, int count, boolean mine, List<String> names) {
    }

    public record CommentView(Comment comment, Author author, List<CommentView> replies, boolean canEdit,
                              boolean canDelete) {
    }

    public record PostView(Post post, Author author, SpaceRef space, List<ReactionView> reactions,
                           List<CommentView> comments, int commentTotal, boolean canEdit, boolean canDelete,
                           boolean canPin, boolean canAnswer, boolean following, String extensionHtml) {
        /** More top-level comments exist than the stream shows. */
        public boolean moreComments() {
            return comments.size() < commentTotal;
        }
    }

    private final PostService service;
    private final PostRepository posts;
    private final FollowRepository follows;
    private final IdentityApi identity;
    private final SpaceDirectory spaces;
    private final ObjectProvider<PostExtension> extensions;

    PostViews(PostService service, PostRepository posts, FollowRepository follows, IdentityApi identity,
              SpaceDirectory spaces, ObjectProvider<PostExtension> extensions) {
        this.service = service;
        this.posts = posts;
        this.follows = follows;
        this.identity = identity;
        this.spaces = spaces;
        this.extensions = extensions;
    }

    /** Views of posts the caller has already checked the viewer may read, in the given order. */
    List<PostView> views(KontorUser viewer, List<Post> list, boolean allComments) {
        List<Long> ids = list.stream().map(Post::id).toList();
        Map<Long, Map<String, List<Long>>> reactions = posts.reactions(ids);
        Map<Long, List<Comment>> comments = new LinkedHashMap<>();
        posts.comments(ids).forEach(c -> comments.computeIfAbsent(c.postId(), k -> new ArrayList<>()).add(c));
        Set<Long> people = new HashSet<>();
        list.forEach(p -> people.add(p.authorId()));
        comments.values().forEach(cs -> cs.forEach(c -> people.add(c.authorId())));
        reactions.values().forEach(m -> m.values().forEach(people::addAll));
        Map<Long, UserSummary> users = identity.findAll(people);
        Set<Long> spaceIds = new HashSet<>();
        list.forEach(p -> {
            if (p.spaceId() != null) {
                spaceIds.add(p.spaceId());
            }
        });
        Map<Long, SpaceRef> spaceRefs = spaces.find(spaceIds);
        Set<Long> followed = follows.followedPosts(viewer.id(), ids);
        Map<Long, String> extras = extensionHtml(viewer, ids);
        // one policy decision per space on the page, not per post
        Map<Long, PostAccess> bySpace = new HashMap<>();
        List<PostView> out = new ArrayList<>();
        for (Post p : list) {
            PostAccess a = p.spaceId() == null ? service.access(viewer, p)
                    : bySpace.computeIfAbsent(p.spaceId(), k -> service.access(viewer, p));
            boolean author = p.authorId() == viewer.id();
            List<CommentView> thread = thread(viewer, a, comments.getOrDefault(p.id(), List.of()), users);
            int total = thread.size();
            if (!allComments && thread.size() > COMMENTS_IN_STREAM) {
                thread = thread.subList(0, COMMENTS_IN_STREAM);
            }
            out.add(new PostView(p, Author.of(users.get(p.authorId()), p.authorId()),
                    p.spaceId() == null ? null : spaceRefs.get(p.spaceId()),
                    reactionViews(viewer, reactions.getOrDefault(p.id(), Map.of()), users), thread, total,
                    author && a.write(), (author || a.moderate()) && !a.archived(),
                    a.moderate() && !a.archived() && p.spaceId() != null, a.write(),
                    followed.contains(p.id()), extras.get(p.id())));
        }
        return out;
    }

    /** What other modules show under the posts (polls), joined per post in the extensions' order. */
    private Map<Long, String> extensionHtml(KontorUser viewer, List<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (PostExtension extension : extensions.orderedStream().toList()) {
            extension.renderHtml(ids, viewer).forEach((id, html) -> out.merge(id, html, String::concat));
        }
        return out;
    }

    private static List<CommentView> thread(KontorUser viewer, PostAccess a, List<Comment> comments,
                                            Map<Long, UserSummary> users) {
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        for (Comment c : comments) {
            if (c.parentId() != null) {
                replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(view(viewer, a, c, List.of(), users));
            }
        }
        List<CommentView> top = new ArrayList<>();
        for (Comment c : comments) {
            if (c.parentId() == null) {
                top.add(view(viewer, a, c, replies.getOrDefault(c.id(), List.of()), users));
            }
        }
        return top;
    }

    private static CommentView view(KontorUser viewer, PostAccess a, Comment c, List<CommentView> replies,
                                    Map<Long, UserSummary> users) {
        boolean own = c.authorId() == viewer.id();
        return new CommentView(c, Author.of(users.get(c.authorId()), c.authorId()), replies, own && a.write(),
                (own || a.moderate()) && !a.archived());
    }

    private static List<ReactionView> reactionViews(KontorUser viewer, Map<String, List<Long>> byCode,
                                                    Map<Long, UserSummary> users) {
        List<ReactionView> out = new ArrayList<>();
        for (Reaction r : Reaction.values()) {
            List<Long> who = byCode.getOrDefault(r.code(), List.of());
            out.add(new ReactionView(r.code(), r.emoji(), who.size(), who.contains(viewer.id()),
                    names(who, users)));
        }
        return out;
    }

    static List<String> names(Collection<Long> ids, Map<Long, UserSummary> users) {
        return ids.stream().map(id -> users.containsKey(id) ? users.get(id).displayName() : "?").toList();
    }

    Map<Long, UserSummary> people(Collection<Long> ids) {
        return identity.findAll(ids);
    }
}
