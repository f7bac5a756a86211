package de.kontor.stream.internal;

import de.kontor.stream.PostText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.AuditLog;
import de.kontor.shared.DomainException;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.CommentAdded;
import de.kontor.stream.CommentDeleted;
import de.kontor.stream.CommentEdited;
import de.kontor.stream.PostDeleted;
import de.kontor.stream.PostEdited;
import de.kontor.stream.PostPublished;
import de.kontor.stream.ReactionAdded;
import de.kontor.stream.UserMentioned;
import de.kontor.stream.internal.FollowRepository.Type;

/**
 * Writing and reading single posts, comments and reactions. Every decision about a space goes through
 * {@link VisibilityPolicy}; a post the viewer may not read is 404 whatever they try with it.
 */
@Service
public class PostService {

    /** A written post or comment plus the people mentioned who cannot read it (they were not notified). */
    record Written<T>(T value, List<UserSummary> notNotified) {
    }

    private final PostRepository posts;
    private final FollowRepository follows;
    private final VisibilityPolicy policy;
    private final IdentityApi identity;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final ReadRepository reads;
    private final int maxWrites;
    private final Duration window;

    PostService(PostRepository posts, FollowRepository follows, VisibilityPolicy policy, IdentityApi identity,
                AuditLog audit, ApplicationEventPublisher events, JdbcClient jdbc, ReadRepository reads,
                @Value("${kontor.stream.max-writes:10}") int maxWrites,
                @Value("${kontor.stream.write-window:10s}") Duration window) {
        this.posts = posts;
        this.follows = follows;
        this.policy = policy;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.reads = reads;
        this.maxWrites = maxWrites;
        this.window = window;
    }

    // access

    PostAccess access(KontorUser viewer, Post p) {
        if (viewer == null || !viewer.active() || p.deleted()) {
            return PostAccess.NONE;
        }
        if (p.spaceId() == null) {
            boolean company = !viewer.guest();
            return new PostAccess(company, company, viewer.admin(), false);
        }
        SpaceAccess a = policy.access(viewer, p.spaceId());
        return new PostAccess(a.read(), a.write(), a.moderate() && a.read(), a.archived());
    }

    /** The post if the viewer may read it; 404 otherwise (also for deleted posts). */
    Post readable(KontorUser viewer, long postId) {
        Post p = posts.find(postId).orElseThrow(DomainException.NotFound::new);
        if (!access(viewer, p).read()) {
            throw new DomainException.NotFound();
        }
        return p;
    }

    /** The post opened on its own (page or API): readable, and from now on read by the viewer. */
    Post open(KontorUser viewer, long postId) {
        Post p = readable(viewer, postId);
        reads.markRead(viewer.id(), p.id());
        return p;
    }

    /** Readable, and the viewer may contribute (comment, react): 403 outside the space, 409 when archived. */
    Post answerable(KontorUser viewer, long postId) {
        Post p = readable(viewer, postId);
        requireWrite(access(viewer, p));
        return p;
    }

    private static void requireWrite(PostAccess a) {
        if (a.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
        if (!a.write()) {
            throw new DomainException.Forbidden("stream.error.notMember");
        }
    }

    private static void requireUnarchived(PostAccess a) {
        if (a.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
    }

    // posts

    @Transactional
    public Written<Post> create(KontorUser viewer, Long spaceId, String body) {
        if (spaceId != null) {
            policy.requireWritable(viewer, spaceId);
        } else if (viewer == null || viewer.guest()) {
            throw new DomainException.Forbidden("stream.error.guestProfilePost");
        }
        String text = validBody(body);
        rateLimit(viewer);
        PostText.Rendered r = PostText.render(text);
        Post p = posts.insert(spaceId, viewer.id(), text, r.html());
        posts.replaceTags(p, r.tags());
        follows.follow(viewer.id(), Type.POST, Long.toString(p.id()));
        events.publishEvent(new PostPublished(p.id(), spaceId, viewer.id(), p.createdAt()));
        return new Written<>(p, mention(viewer, p, null, r));
    }

    @Transactional
    public Written<Post> edit(KontorUser viewer, long postId, String body) {
        Post p = readable(viewer, postId);
        if (p.authorId() != viewer.id()) {
            throw new DomainException.Forbidden("stream.error.notAuthor");
        }
        requireWrite(access(viewer, p));
        String text = validBody(body);
        posts.lock(p.id());
        PostText.Rendered r = PostText.render(text);
        if (text.equals(p.body())) {
            return new Written<>(p, List.of());
        }
        posts.keepRevision(p, viewer.id());
        Post edited = posts.updateBody(p.id(), text, r.html());
        posts.replaceTags(edited, r.tags());
        events.publishEvent(new PostEdited(p.id(), p.spaceId(), viewer.id(), edited.editedAt()));
        return new Written<>(edited, mention(viewer, edited, null, r));
    }

    public List<Revision> revisions(KontorUser viewer, long postId) {
        return posts.revisions(readable(viewer, postId).id());
    }

    @Transactional
    public void delete(KontorUser viewer, long postId) {
        Post p = readable(viewer, postId);
        PostAccess a = access(viewer, p);
        boolean author = p.authorId() == viewer.id();
        if (!author && !a.moderate()) {
            throw new DomainException.Forbidden("stream.error.notAuthor");
        }
        requireUnarchived(a);
        posts.softDelete(p.id(), viewer.id());
        audit.record(viewer.id(), "post.deleted", "post:" + p.id(),
                null, (author ? "author" : viewer.admin() ? "admin" : "moderator")
                        + (p.spaceId() == null ? "" : " space:" + p.spaceId()));
        events.publishEvent(new PostDeleted(p.id(), p.spaceId(), viewer.id(), Instant.now()));
    }

    @Transactional
    public void pin(KontorUser viewer, long postId, boolean pinned) {
        Post p = readable(viewer, postId);
        if (p.spaceId() == null) {
            throw new DomainException.Invalid("post", "stream.error.pinProfile");
        }
        PostAccess a = access(viewer, p);
        if (!a.moderate()) {
            throw new DomainException.Forbidden("stream.error.notModerator");
        }
        requireUnarchived(a);
        posts.setPinned(p.id(), pinned ? viewer.id() : null);
    }

    // comments

    @Transactional
    public Written<Comment> comment(KontorUser viewer, long postId, Long parentId, String body) {
        Post p = answerable(viewer, postId);
        if (parentId != null) {
            Comment parent = posts.findComment(parentId)
                    .filter(c -> c.postId() == p.id() && !c.deleted() && c.parentId() == null)
                    .orElseThrow(() -> new DomainException.Invalid("parentId", "stream.error.badParent"));
            parentId = parent.id();
        }
        String text = validBody(body);
        rateLimit(viewer);
        PostText.Rendered r = PostText.render(text);
        Comment c = posts.insertComment(p.id(), parentId, viewer.id(), text, r.html());
        follows.follow(viewer.id(), Type.POST, Long.toString(p.id()));
        reads.markRead(viewer.id(), p.id());
        events.publishEvent(new CommentAdded(c.id(), p.id(), parentId, p.spaceId(), viewer.id(), p.authorId(),
                c.createdAt()));
        return new Written<>(c, mention(viewer, p, c.id(), r));
    }

    /** Comments of a readable post, oldest first. */
    public List<Comment> comments(KontorUser viewer, long postId) {
        return posts.comments(List.of(readable(viewer, postId).id()));
    }

    @Transactional
    public Written<Comment> editComment(KontorUser viewer, long commentId, String body) {
        Comment c = readableComment(viewer, commentId);
        if (c.authorId() != viewer.id()) {
            throw new DomainException.Forbidden("stream.error.notAuthor");
        }
        Post p = posts.find(c.postId()).orElseThrow();
        requireWrite(access(viewer, p));
        String text = validBody(body);
        PostText.Rendered r = PostText.render(text);
        Comment edited = posts.updateComment(c.id(), text, r.html());
        events.publishEvent(new CommentEdited(c.id(), p.id(), p.spaceId(), viewer.id(), edited.editedAt()));
        return new Written<>(edited, mention(viewer, p, c.id(), r));
    }

    @Transactional
    public void deleteComment(KontorUser viewer, long commentId) {
        Comment c = readableComment(viewer, commentId);
        Post p = posts.find(c.postId()).orElseThrow();
        PostAccess a = access(viewer, p);
        if (c.authorId() != viewer.id() && !a.moderate()) {
            throw new DomainException.Forbidden("stream.error.notAuthor");
        }
        requireUnarchived(a);
        posts.deleteComment(c, viewer.id());
        events.publishEvent(new CommentDeleted(c.id(), p.id(), p.spaceId(), viewer.id(), Instant.now()));
        if (c.authorId() != viewer.id()) {
            audit.record(viewer.id(), "comment.deleted", "comment:" + c.id(), null, "post:" + p.id());
        }
    }

    Comment readableComment(KontorUser viewer, long commentId) {
        Comment c = posts.findComment(commentId).filter(x -> !x.deleted())
                .orElseThrow(DomainException.NotFound::new);
        readable(viewer, c.postId());
        return c;
    }

    // reactions

    /** Adds the viewer's reaction (idempotent); true when it was new. */
    @Transactional
    public boolean react(KontorUser viewer, long postId, String code) {
        Post p = answerable(viewer, postId);
        Reaction reaction = reaction(code);
        boolean added = posts.addReaction(p.id(), viewer.id(), reaction.code());
        reads.markRead(viewer.id(), p.id());
        if (added) {
            events.publishEvent(new ReactionAdded(p.id(), p.spaceId(), viewer.id(), reaction.code(), p.authorId(),
                    Instant.now()));
        }
        return added;
    }

    @Transactional
    public boolean unreact(KontorUser viewer, long postId, String code) {
        Post p = answerable(viewer, postId);
        return posts.removeReaction(p.id(), viewer.id(), reaction(code).code());
    }

    /** Toggles (the HTML buttons): on when the viewer has not reacted so, off otherwise. */
    @Transactional
    public void toggle(KontorUser viewer, long postId, String code) {
        if (!react(viewer, postId, code)) {
            unreact(viewer, postId, code);
        }
    }

    /** Reaction code → the people who reacted, for a readable post. */
    public Map<String, List<Long>> reactions(KontorUser viewer, long postId) {
        return posts.reactions(List.of(readable(viewer, postId).id())).getOrDefault(postId, Map.of());
    }

    static Reaction reaction(String code) {
        return Reaction.of(code).orElseThrow(() -> new DomainException.Invalid("reaction", "stream.error.reaction"));
    }

    // helpers

    static String validBody(String body) {
        if (body == null || body.isBlank()) {
            throw new DomainException.Invalid("body", "validation.required");
        }
        if (body.length() > PostText.MAX_LENGTH) {
            throw new DomainException.Invalid("body", "stream.error.tooLong", PostText.MAX_LENGTH);
        }
        return body.strip();
    }

    /**
     * At most {@code maxWrites} posts and comments per window and person, counted in the database so that the
     * limit holds across nodes; the advisory lock makes concurrent requests of one person count one after another.
     */
    private void rateLimit(KontorUser viewer) {
        jdbc.sql("select pg_advisory_xact_lock(4040, :u)").param("u", (int) viewer.id()).query().singleRow();
        Instant now = Instant.now();
        List<Instant> recent = posts.writesSince(viewer.id(), now.minus(window));
        if (recent.size() >= maxWrites) {
            Instant freesAt = recent.get(recent.size() - maxWrites).plus(window);
            throw new RateLimited(Math.max(1, (long) Math.ceil(Duration.between(now, freesAt).toMillis() / 1000.0)));
        }
    }

    /**
     * Records and announces mentions of people who can read the post; the others are returned so the author learns
     * that they were not notified (their names only, nothing about the post reaches them).
     */
    private List<UserSummary> mention(KontorUser author, Post p, Long commentId, PostText.Rendered r) {
        List<UserSummary> notNotified = new ArrayList<>();
        for (long id : r.mentions()) {
            if (id == author.id()) {
                continue;
            }
            KontorUser person = identity.principal(id).orElse(null);
            if (person == null) {
                continue;
            }
            boolean canRead = access(person, p).read();
            if (!canRead) {
                identity.find(id).ifPresent(notNotified::add);
            } else if (posts.addMention(id, p, commentId)) {
                events.publishEvent(new UserMentioned(id, p.id(), commentId, p.spaceId(), author.id(), Instant.now()));
            }
        }
        return notNotified;
    }
}
