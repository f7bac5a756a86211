package de.kontor.blogs.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import de.kontor.blogs.ArticleDeleted;
import de.kontor.blogs.ArticleEdited;
import de.kontor.blogs.ArticlePublished;
import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Markdown;
import de.kontor.shared.Page;
import de.kontor.shared.Tags;
import de.kontor.shared.Validation;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.stream.PostPublishing;

/**
 * Writing, publishing and reading blog articles.
 *
 * <ul>
 * <li>A person's blog ({@code spaceId} null): every active member or administrator writes their own and reads the
 * published articles of all; guests neither (404).</li>
 * <li>A space's blog: readers of the space read its published articles (404 otherwise), members write (403 for
 * others, 409 when archived); the author or a moderator edits and deletes.</li>
 * <li>Drafts and scheduled articles are read only by their author and, in a space, its moderators (404 for
 * everybody else).</li>
 * <li>Publishing (now, or by the job at the scheduled time) announces the article in the stream with a post whose
 * comments and reactions are the article's; a published article stays published when edited.</li>
 * </ul>
 */
@Service
public class BlogService {

    private static final Logger log = LoggerFactory.getLogger(BlogService.class);

    static final int MAX_TITLE = 200;
    static final int MAX_TEASER = 500;
    static final int MAX_BODY = 50_000;
    static final Set<String> COVER_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Tika TIKA = new Tika();

    /** What the writer asks for: keep a draft, publish now, or publish at {@code publishAt}. */
    enum Action { DRAFT, PUBLISH, SCHEDULE }

    record Draft(String title, String teaser, String body, List<String> tags, Action action, Instant publishAt) {
    }

    private final ArticleRepository articles;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final PostPublishing posts;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final long maxCover;

    BlogService(ArticleRepository articles, VisibilityPolicy policy, SpaceDirectory spaces, IdentityApi identity,
                PostPublishing posts, MessageSource messages, ApplicationEventPublisher events, TransactionTemplate tx,
                @Value("${kontor.blogs.cover-max-size:5MB}") DataSize maxCover) {
        this.articles = articles;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
        this.posts = posts;
        this.messages = messages;
        this.events = events;
        this.tx = tx;
        this.maxCover = maxCover.toBytes();
    }

    // writing

    @Transactional
    public Article create(KontorUser viewer, Long spaceId, Draft d) {
        if (spaceId == null) {
            requireCompanyMember(viewer);
        } else {
            policy.requireWritable(viewer, spaceId);
        }
        ArticleRepository.Text text = validate(d);
        long id = articles.insert(spaceId, viewer.id(), text);
        apply(viewer, articles.lock(id).orElseThrow(), d);
        return articles.find(id).orElseThrow();
    }

    @Transactional
    public Article update(KontorUser viewer, long id, Draft d) {
        Article a = editable(viewer, id);
        ArticleRepository.Text text = validate(d);
        articles.update(a.id(), text);
        apply(viewer, articles.lock(id).orElseThrow(), d);
        events.publishEvent(new ArticleEdited(a.id(), a.spaceId(), viewer.id(), Instant.now()));
        return articles.find(id).orElseThrow();
    }

    @Transactional
    public void delete(KontorUser viewer, long id) {
        Article a = readable(viewer, id);
        if (!mayDelete(viewer, a)) {
            throw new DomainException.Forbidden("blogs.error.notAuthor");
        }
        requireNotArchived(a);
        articles.delete(a.id());
        events.publishEvent(new ArticleDeleted(a.id(), a.spaceId(), viewer.id(), Instant.now()));
    }

    /** Replaces the cover image: images only (PNG, JPEG, GIF, WebP, detected from the bytes), at most the limit. */
    @Transactional
    public void setCover(KontorUser viewer, long id, String filename, byte[] data) {
        Article a = editable(viewer, id);
        if (data == null || data.length == 0) {
            throw new DomainException.Invalid("cover", "blogs.error.coverEmpty");
        }
        if (data.length > maxCover) {
            throw new DomainException.TooLarge("blogs.error.coverTooLarge", maxCover / (1024 * 1024));
        }
        String type = TIKA.detect(data, filename);
        if (!COVER_TYPES.contains(type)) {
            throw new DomainException.Invalid("cover", "blogs.error.coverType");
        }
        articles.setCover(a.id(), type, data);
        events.publishEvent(new ArticleEdited(a.id(), a.spaceId(), viewer.id(), Instant.now()));
    }

    /** The cover for whoever may read the article; 404 when there is none. */
    public ArticleRepository.Cover cover(KontorUser viewer, long id) {
        Article a = readable(viewer, id);
        return articles.cover(a.id()).orElseThrow(DomainException.NotFound::new);
    }

    private static ArticleRepository.Text validate(Draft d) {
        Validation v = new Validation();
        v.required("title", d.title()).maxLength("title", d.title(), MAX_TITLE);
        v.maxLength("teaser", d.teaser(), MAX_TEASER);
        v.maxLength("body", d.body(), MAX_BODY);
        List<String> tags = List.of();
        try {
            tags = Tags.parse(d.tags() == null ? List.of() : d.tags());
        } catch (DomainException.Invalid e) {
            e.errors().forEach(fe -> v.check(false, fe.field(), fe.messageKey(), fe.args()));
        }
        if (d.action() == Action.SCHEDULE) {
            v.check(d.publishAt() != null, "publishAt", "validation.required");
            v.check(d.publishAt() == null || d.publishAt().isAfter(Instant.now()), "publishAt",
                    "blogs.error.publishAtPast");
        }
        v.throwIfInvalid();
        String body = d.body() == null ? "" : d.body().strip();
        return new ArticleRepository.Text(d.title().strip(), d.teaser() == null ? "" : d.teaser().strip(), body,
                Markdown.toSafeHtml(body), tags);
    }

    /** Moves the (locked) article to the state the writer asked for; a published article stays published. */
    private void apply(KontorUser viewer, Article a, Draft d) {
        if (a.published()) {
            return;
        }
        switch (d.action() == null ? Action.DRAFT : d.action()) {
            case DRAFT -> articles.draft(a.id());
            case SCHEDULE -> articles.schedule(a.id(), d.publishAt());
            case PUBLISH -> {
                // a moderator may publish someone's draft: the announcement is still the author's post
                KontorUser author = a.authorId() == viewer.id() ? viewer
                        : identity.principal(a.authorId()).filter(KontorUser::active).orElse(null);
                publish(author, a, author != null);
            }
        }
    }

    /**
     * Publishes the article and announces it in the stream as its author. With {@code announce} false (the
     * announcement failed before) the article is published without a post.
     */
    private void publish(KontorUser author, Article a, boolean announce) {
        Long postId = null;
        if (announce) {
            String markdown = announcement(author, a);
            postId = (a.spaceId() == null ? posts.publishOnProfile(author, markdown)
                    : posts.publish(author, a.spaceId(), markdown)).id();
        }
        Instant now = Instant.now();
        articles.published(a.id(), now, postId);
        events.publishEvent(new ArticlePublished(a.id(), a.spaceId(), a.authorId(), postId, now));
    }

    private String announcement(KontorUser author, Article a) {
        Locale locale = Locale.forLanguageTag(author.locale() == null ? "de" : author.locale());
        String title = a.title().replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
        String text = messages.getMessage("blogs.announcement", new Object[]{title, "/articles/" + a.id()}, locale);
        return a.teaser().isBlank() ? text : text + "\n\n" + a.teaser();
    }

    /**
     * Publishes every scheduled article whose time has come (the job), each in its own transaction. When the
     * announcement cannot be posted (the author left the space, was deactivated, or is rate-limited) the article is
     * still published on time, without a post.
     */
    int publishDue() {
        int published = 0;
        for (long id : articles.due(Instant.now(), 100)) {
            Optional<KontorUser> author = articles.find(id).flatMap(a -> identity.principal(a.authorId()))
                    .filter(KontorUser::active);
            Boolean done;
            try {
                done = tx.execute(status -> publishIfDue(id, author.orElse(null), author.isPresent()));
            } catch (RuntimeException e) {
                log.info("Article {} published without a stream post: {}", id, e.toString());
                done = tx.execute(status -> publishIfDue(id, author.orElse(null), false));
            }
            published += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return published;
    }

    private boolean publishIfDue(long id, KontorUser author, boolean announce) {
        Article a = articles.lock(id).orElse(null);
        if (a == null || a.state() != Article.State.SCHEDULED || a.publishAt().isAfter(Instant.now())) {
            return false;
        }
        publish(author, a, announce);
        return true;
    }

    // reading

    /** Published articles of a space's blog (404/403 like the space). */
    public Page<Article> spaceBlog(KontorUser viewer, long spaceId, String cursor, Integer limit) {
        policy.requireReadable(viewer, spaceId);
        return page(new ArticleRepository.Scope(spaceId, null, List.of(), false), cursor, limit);
    }

    /** Published articles of a person's blog; 404 for guests and for unknown people. */
    public Page<Article> personBlog(KontorUser viewer, long personId, String cursor, Integer limit) {
        requireCompanyReader(viewer);
        identity.find(personId).orElseThrow(DomainException.NotFound::new);
        return page(new ArticleRepository.Scope(null, personId, List.of(), false), cursor, limit);
    }

    /** Every published article the viewer may read, newest first (company-wide "latest articles"). */
    public Page<Article> latest(KontorUser viewer, String cursor, Integer limit) {
        return page(new ArticleRepository.Scope(null, null, policy.readableSpaceIds(viewer), !viewer.guest()),
                cursor, limit);
    }

    /** The viewer's drafts and scheduled articles in this blog (all of the space's for its moderators). */
    public List<Article> unpublished(KontorUser viewer, Long spaceId) {
        if (spaceId == null) {
            return viewer.guest() ? List.of() : articles.unpublished(null, viewer.id(), false, 50);
        }
        SpaceAccess a = policy.access(viewer, spaceId);
        return a.read() ? articles.unpublished(spaceId, viewer.id(), a.moderate(), 50) : List.of();
    }

    private Page<Article> page(ArticleRepository.Scope scope, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        List<Article> rows = articles.published(scope, Cursor.decode(cursor), size + 1);
        boolean more = rows.size() > size;
        List<Article> page = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(page.getLast().publishedAt().toString(), page.getLast().id()).encode() : null;
        return new Page<>(page, next);
    }

    public ArticleView get(KontorUser viewer, long id) {
        Article a = readable(viewer, id);
        UserSummary author = identity.find(a.authorId()).orElse(null);
        String space = a.spaceId() == null ? null : spaces.find(List.of(a.spaceId())).get(a.spaceId()).name();
        boolean edit = mayEdit(viewer, a) && !archived(a);
        boolean postReadable = a.postId() != null && posts.readable(viewer, a.postId()).isPresent();
        return new ArticleView(a, author, space, edit, mayDelete(viewer, a) && !archived(a), postReadable);
    }

    /** The article for its edit form: only for those who may edit it. */
    public Article editable(KontorUser viewer, long id) {
        Article a = readable(viewer, id);
        if (!mayEdit(viewer, a)) {
            throw new DomainException.Forbidden("blogs.error.notAuthor");
        }
        requireNotArchived(a);
        if (a.spaceId() != null && !policy.canModerate(viewer, a.spaceId())) {
            policy.requireWritable(viewer, a.spaceId());
        }
        return a;
    }

    /** Authors and names for a list of articles. */
    public Map<Long, UserSummary> authors(List<Article> list) {
        return identity.findAll(list.stream().map(Article::authorId).collect(Collectors.toSet()));
    }

    public Map<Long, String> spaceNames(List<Article> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(a -> {
            if (a.spaceId() != null) {
                ids.add(a.spaceId());
            }
        });
        return spaces.find(ids).values().stream()
                .collect(Collectors.toMap(SpaceDirectory.SpaceRef::id, SpaceDirectory.SpaceRef::name));
    }

    /** Spaces whose blog the viewer may write in (for the form). */
    public List<SpaceDirectory.SpaceRef> writableSpaces(KontorUser viewer) {
        return spaces.memberships(viewer.id()).stream().filter(s -> !s.archived()).toList();
    }

    // access

    private Article readable(KontorUser viewer, long id) {
        Article a = articles.find(id).orElseThrow(DomainException.NotFound::new);
        boolean blogReadable = a.spaceId() == null ? viewer.active() && !viewer.guest()
                : policy.canRead(viewer, a.spaceId());
        if (!blogReadable || (!a.published() && !mayEdit(viewer, a))) {
            throw new DomainException.NotFound();
        }
        return a;
    }

    /** The author, or a moderator of the article's space. */
    private boolean mayEdit(KontorUser viewer, Article a) {
        return a.authorId() == viewer.id() || (a.spaceId() != null && policy.canModerate(viewer, a.spaceId()));
    }

    /** Like editing; in a person's blog administrators may also remove an article. */
    private boolean mayDelete(KontorUser viewer, Article a) {
        return mayEdit(viewer, a) || (a.spaceId() == null && viewer.admin());
    }

    private boolean archived(Article a) {
        return a.spaceId() != null && spaces.find(List.of(a.spaceId())).get(a.spaceId()).archived();
    }

    private void requireNotArchived(Article a) {
        if (archived(a)) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
    }

    private static void requireCompanyMember(KontorUser viewer) {
        if (viewer.guest()) {
            throw new DomainException.Forbidden("blogs.error.guestPersonBlog");
        }
    }

    private static void requireCompanyReader(KontorUser viewer) {
        if (viewer.guest()) {
            throw new DomainException.NotFound();
        }
    }
}
