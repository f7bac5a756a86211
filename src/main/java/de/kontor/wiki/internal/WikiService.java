package de.kontor.wiki.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.wiki.WikiApi;
import de.kontor.wiki.WikiPageDeleted;
import de.kontor.wiki.WikiPageSaved;

/**
 * Pages, their tree and their revisions. Every permission comes from the space ({@link VisibilityPolicy}): whoever
 * reads the space reads its wiki, whoever writes in it edits pages; a restricted page is edited only by the space's
 * owners and moderators (everyone else who reads the space still reads it). A page the viewer may not read is 404.
 */
@Service
public class WikiService implements WikiApi {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 200_000;
    static final int MAX_NOTE = 300;
    static final int MAX_LABELS = 10;

    /** What one viewer may do with one page (or, without a page, with the space's wiki). */
    public record PageAccess(boolean read, boolean edit, boolean moderate, boolean archived) {
    }

    /** The text of a save: title, Markdown, optional change note, labels as typed ("a, b"). */
    record Draft(String title, String body, String note, String labels) {
    }

    private final WikiRepository pages;
    private final WikiExtrasRepository extras;
    private final VisibilityPolicy policy;
    private final ApplicationEventPublisher events;

    WikiService(WikiRepository pages, WikiExtrasRepository extras, VisibilityPolicy policy,
                ApplicationEventPublisher events) {
        this.pages = pages;
        this.extras = extras;
        this.policy = policy;
        this.events = events;
    }

    // access

    /** The space's wiki: 404 when the viewer may not know the space, 403 when they may not read it. */
    PageAccess wiki(KontorUser viewer, long spaceId) {
        SpaceAccess a = policy.requireReadable(viewer, spaceId);
        return new PageAccess(true, a.write(), a.moderate() && a.write(), a.archived());
    }

    PageAccess access(KontorUser viewer, WikiPage page) {
        SpaceAccess a = policy.access(viewer, page.spaceId());
        if (!a.read()) {
            return new PageAccess(false, false, false, a.archived());
        }
        boolean moderate = a.moderate() && a.write();
        return new PageAccess(true, a.write() && (!page.restricted() || moderate), moderate, a.archived());
    }

    /** The page if it belongs to the space and the viewer reads the space; 404 otherwise. */
    WikiPage readable(KontorUser viewer, long spaceId, long pageId) {
        WikiPage p = pages.find(pageId).filter(x -> x.spaceId() == spaceId).orElseThrow(DomainException.NotFound::new);
        if (!access(viewer, p).read()) {
            throw new DomainException.NotFound();
        }
        return p;
    }

    private WikiPage editable(KontorUser viewer, long spaceId, long pageId, boolean lock) {
        WikiPage p = readable(viewer, spaceId, pageId);
        if (lock) {
            p = pages.findLocked(pageId).orElseThrow(DomainException.NotFound::new);
        }
        requireEdit(viewer, p);
        return p;
    }

    /** 403 outside the space, 409 when it is archived, 403 on a restricted page for all but its moderators. */
    void requireEdit(KontorUser viewer, WikiPage p) {
        SpaceAccess a = policy.requireWritable(viewer, p.spaceId());
        if (p.restricted() && !a.moderate()) {
            throw new DomainException.Forbidden("wiki.error.restricted");
        }
    }

    // reading

    List<TreeNode> tree(KontorUser viewer, long spaceId) {
        wiki(viewer, spaceId);
        return pages.tree(spaceId);
    }

    List<WikiPage> recent(KontorUser viewer, long spaceId, int limit) {
        wiki(viewer, spaceId);
        return pages.recent(List.of(spaceId), limit);
    }

    /** The space's pages, most recently changed first, cursor-paginated. */
    de.kontor.shared.Page<WikiPage> changed(KontorUser viewer, long spaceId, String cursor, Integer limit) {
        wiki(viewer, spaceId);
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        Instant t;
        try {
            t = after == null ? null : Instant.parse(after.key());
        } catch (RuntimeException e) {
            throw new DomainException.Invalid("cursor", "validation.cursor");
        }
        List<WikiPage> rows = pages.changed(spaceId, t, after == null ? null : after.id(), size + 1);
        boolean more = rows.size() > size;
        List<WikiPage> items = more ? rows.subList(0, size) : rows;
        String next = more ? new Cursor(items.getLast().updatedAt().toString(), items.getLast().id()).encode() : null;
        return new de.kontor.shared.Page<>(items, next);
    }

    /** Recently changed pages of every space the viewer reads (the company-wide view). */
    List<WikiPage> recentEverywhere(KontorUser viewer, int limit) {
        return pages.recent(policy.readableSpaceIds(viewer), limit);
    }

    List<WikiRevision> revisions(KontorUser viewer, long spaceId, long pageId) {
        return pages.revisions(readable(viewer, spaceId, pageId).id());
    }

    WikiRevision revision(KontorUser viewer, long spaceId, long pageId, long revisionId) {
        WikiPage p = readable(viewer, spaceId, pageId);
        return pages.revision(p.id(), revisionId).orElseThrow(DomainException.NotFound::new);
    }

    WikiDiff diff(KontorUser viewer, long spaceId, long pageId, long from, long to) {
        WikiPage p = readable(viewer, spaceId, pageId);
        WikiRevision a = pages.revision(p.id(), from)
                .orElseThrow(() -> new DomainException.Invalid("from", "wiki.error.noRevision"));
        WikiRevision b = pages.revision(p.id(), to)
                .orElseThrow(() -> new DomainException.Invalid("to", "wiki.error.noRevision"));
        return WikiDiff.of(a, b);
    }

    List<TreeNode> breadcrumbs(WikiPage p) {
        return pages.ancestors(p.id());
    }

    List<TreeNode> backlinks(WikiPage p) {
        return pages.backlinks(p.spaceId(), p.title(), p.id());
    }

    List<String> labels(WikiPage p) {
        return pages.labels(p.id());
    }

    Map<String, Integer> labelCounts(KontorUser viewer, long spaceId) {
        wiki(viewer, spaceId);
        return pages.labelCounts(spaceId);
    }

    List<WikiPage> withLabel(KontorUser viewer, long spaceId, String label) {
        wiki(viewer, spaceId);
        return pages.withLabel(spaceId, label.toLowerCase(Locale.ROOT));
    }

    WikiText.Rendered render(WikiPage p, String body) {
        return WikiText.render(body, p.spaceId(), pages.idsByTitle(p.spaceId(), WikiText.links(body)),
                p.url() + "/attachments/");
    }

    // writing

    @Transactional
    WikiPage create(KontorUser viewer, long spaceId, Long parentId, Draft draft, boolean restricted) {
        SpaceAccess a = policy.requireWritable(viewer, spaceId);
        if (restricted && !a.moderate()) {
            throw new DomainException.Forbidden("wiki.error.restrictModerators");
        }
        if (parentId != null) {
            pages.find(parentId).filter(x -> x.spaceId() == spaceId)
                    .orElseThrow(() -> new DomainException.Invalid("parentId", "wiki.error.noParent"));
        }
        Valid v = validate(draft);
        return insert(spaceId, parentId, v, restricted, viewer.id());
    }

    private WikiPage insert(long spaceId, Long parentId, Valid v, boolean restricted, long authorId) {
        if (pages.findSibling(spaceId, parentId, v.title()).isPresent()) {
            throw duplicate();
        }
        long id;
        try {
            id = pages.insertPage(spaceId, parentId, v.title(), restricted, authorId);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        long rev = pages.insertRevision(id, v.title(), v.body(), v.note(), authorId);
        pages.replaceLinks(id, spaceId, WikiText.links(v.body()));
        pages.replaceLabels(id, spaceId, v.labels());
        extras.watch(id, authorId);
        events.publishEvent(new WikiPageSaved(id, spaceId, authorId, rev, true, Instant.now()));
        return pages.find(id).orElseThrow();
    }

    /**
     * Saves a new revision on top of {@code baseRevisionId}; when someone else saved in between, nothing is written
     * and {@link EditConflict} carries the current page. Saving the same text again writes no revision.
     */
    @Transactional
    WikiPage save(KontorUser viewer, long spaceId, long pageId, long baseRevisionId, Draft draft) {
        WikiPage p = editable(viewer, spaceId, pageId, true);
        Valid v = validate(draft);
        if (p.revisionId() != baseRevisionId) {
            throw new EditConflict(p);
        }
        return write(p, v, viewer.id());
    }

    private WikiPage write(WikiPage p, Valid v, long authorId) {
        if (!v.title().equalsIgnoreCase(p.title())
                && pages.findSibling(p.spaceId(), p.parentId(), v.title()).isPresent()) {
            throw duplicate();
        }
        pages.replaceLabels(p.id(), p.spaceId(), v.labels());
        if (v.title().equals(p.title()) && v.body().equals(p.body())) {
            return p;
        }
        long rev;
        try {
            rev = pages.insertRevision(p.id(), v.title(), v.body(), v.note(), authorId);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        pages.replaceLinks(p.id(), p.spaceId(), WikiText.links(v.body()));
        extras.watch(p.id(), authorId);
        events.publishEvent(new WikiPageSaved(p.id(), p.spaceId(), authorId, rev, false, Instant.now()));
        return pages.find(p.id()).orElseThrow();
    }

    /** Copies an old revision's title and text into a new revision (the history keeps everything). */
    @Transactional
    WikiPage restore(KontorUser viewer, long spaceId, long pageId, long revisionId) {
        WikiPage p = editable(viewer, spaceId, pageId, true);
        WikiRevision old = pages.revision(p.id(), revisionId).orElseThrow(DomainException.NotFound::new);
        String labels = String.join(", ", pages.labels(p.id()));
        return write(p, validate(new Draft(old.title(), old.body(), "↺ #" + old.id(), labels)), viewer.id());
    }

    @Transactional
    void restrict(KontorUser viewer, long spaceId, long pageId, boolean restricted) {
        WikiPage p = editable(viewer, spaceId, pageId, true);
        if (!access(viewer, p).moderate()) {
            throw new DomainException.Forbidden("wiki.error.restrictModerators");
        }
        pages.setRestricted(p.id(), restricted);
    }

    /**
     * Moves the page under {@code parentId} (null: top level) at {@code position} among its new siblings (null or
     * too large: last). A page cannot move below itself (422) nor next to a page of the same title (409).
     */
    @Transactional
    WikiPage move(KontorUser viewer, long spaceId, long pageId, Long parentId, Integer position) {
        WikiPage p = editable(viewer, spaceId, pageId, true);
        if (parentId != null) {
            pages.find(parentId).filter(x -> x.spaceId() == spaceId)
                    .orElseThrow(() -> new DomainException.Invalid("parentId", "wiki.error.noParent"));
            if (pages.subtreeIds(p.id()).contains(parentId)) {
                throw new DomainException.Invalid("parentId", "wiki.error.cyclicMove");
            }
        }
        if (position != null && position < 0) {
            throw new DomainException.Invalid("position", "wiki.error.position");
        }
        if (!Objects.equals(parentId, p.parentId()) && pages.findSibling(spaceId, parentId, p.title()).isPresent()) {
            throw duplicate();
        }
        List<Long> siblings = new ArrayList<>(pages.childIds(spaceId, parentId));
        siblings.remove(p.id());
        int at = position == null ? siblings.size() : Math.min(position, siblings.size());
        siblings.add(at, p.id());
        pages.move(p.id(), parentId, at);
        pages.renumber(siblings);
        return pages.find(p.id()).orElseThrow();
    }

    /** Moves the page {@code delta} places among its siblings (negative: up). */
    @Transactional
    WikiPage shift(KontorUser viewer, long spaceId, long pageId, int delta) {
        WikiPage p = readable(viewer, spaceId, pageId);
        int index = pages.childIds(spaceId, p.parentId()).indexOf(p.id());
        return move(viewer, spaceId, pageId, p.parentId(), Math.max(0, index + delta));
    }

    /** Deletes the page and every page below it: the space's moderators, or the page's creator. */
    @Transactional
    List<Long> delete(KontorUser viewer, long spaceId, long pageId) {
        WikiPage p = editable(viewer, spaceId, pageId, true);
        if (!access(viewer, p).moderate() && !Objects.equals(p.createdBy(), viewer.id())) {
            throw new DomainException.Forbidden("wiki.error.deleteModerators");
        }
        List<Long> ids = new ArrayList<>();
        ids.add(p.id());
        pages.subtreeIds(p.id()).stream().filter(id -> id != p.id()).sorted().forEach(ids::add);
        pages.delete(p.id());
        events.publishEvent(new WikiPageDeleted(p.id(), spaceId, viewer.id(), List.copyOf(ids), Instant.now()));
        return ids;
    }

    // WikiApi: the system writing on someone's behalf (no permission checks)

    @Override
    @Transactional
    public PageRef recordPage(long spaceId, String parentTitle, String title, String markdown, long authorId,
                              String changeNote) {
        Long parentId = null;
        if (parentTitle != null && !parentTitle.isBlank()) {
            Long found = pages.idsByTitle(spaceId, Set.of(parentTitle.strip().toLowerCase(Locale.ROOT)))
                    .get(parentTitle.strip().toLowerCase(Locale.ROOT));
            parentId = found != null ? found
                    : insert(spaceId, null, validate(new Draft(parentTitle, "", null, null)), false, authorId).id();
        }
        Valid v = validate(new Draft(title, markdown, changeNote, null));
        Optional<WikiPage> existing = pages.findSibling(spaceId, parentId, v.title());
        WikiPage p;
        if (existing.isPresent()) {
            WikiPage locked = pages.findLocked(existing.get().id()).orElseThrow();
            p = write(locked, new Valid(v.title(), v.body(), v.note(), Set.copyOf(pages.labels(locked.id()))),
                    authorId);
        } else {
            p = insert(spaceId, parentId, v, false, authorId);
        }
        return ref(p);
    }

    @Override
    public Optional<PageRef> find(long pageId) {
        return pages.find(pageId).map(WikiService::ref);
    }

    private static PageRef ref(WikiPage p) {
        return new PageRef(p.id(), p.spaceId(), p.title(), p.url());
    }

    // validation

    record Valid(String title, String body, String note, Set<String> labels) {
    }

    static Valid validate(Draft d) {
        String title = d.title() == null ? "" : d.title().strip();
        String body = d.body() == null ? "" : d.body().replace("\r\n", "\n");
        String note = d.note() == null ? "" : d.note().strip();
        Set<String> labels = new LinkedHashSet<>();
        if (d.labels() != null) {
            for (String l : d.labels().split("[,;]")) {
                String s = l.strip().toLowerCase(Locale.ROOT);
                if (s.startsWith("#")) {
                    s = s.substring(1);
                }
                if (!s.isEmpty()) {
                    labels.add(s);
                }
            }
        }
        new Validation()
                .required("title", title)
                .maxLength("title", title, MAX_TITLE)
                .check(!title.contains("[[") && !title.contains("]]") && !title.contains("|"), "title",
                        "wiki.error.titleChars")
                .maxLength("body", body, MAX_BODY)
                .maxLength("note", note, MAX_NOTE)
                .check(labels.size() <= MAX_LABELS && labels.stream().allMatch(l -> l.length() <= 40), "labels",
                        "wiki.error.labels", MAX_LABELS, 40)
                .throwIfInvalid();
        return new Valid(title, body, note, labels);
    }

    private static DomainException.Conflict duplicate() {
        return new DomainException.Conflict("title", "wiki.error.duplicateTitle");
    }
}
