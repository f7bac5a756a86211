package de.kontor.wiki.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;
import de.kontor.shared.Markdown;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceDirectory.SpaceRef;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.wiki.internal.WikiService.PageAccess;

/** Assembles what the wiki templates show; every read goes through {@link WikiService}'s permission checks. */
@Component
public class WikiViews {

    /** A page as the page view shows it. */
    public record PageView(SpaceRef space, WikiPage page, PageAccess access, WikiText.Rendered rendered,
                           List<TreeNode> breadcrumbs, List<TreeNode> tree, List<TreeNode> backlinks,
                           List<String> labels, Map<Long, UserSummary> people, boolean watching,
                           boolean canComment, List<WikiComment> comments, List<Attachment> attachments) {

        public String name(Long userId) {
            return WikiViews.name(people, userId);
        }

        public String commentHtml(WikiComment c) {
            return Markdown.toSafeHtml(c.body());
        }
    }

    /** A space's wiki start page. */
    public record Home(SpaceRef space, PageAccess access, List<TreeNode> tree, List<WikiPage> recent,
                       Map<String, Integer> labels, Map<Long, UserSummary> people) {

        public String name(Long userId) {
            return WikiViews.name(people, userId);
        }
    }

    /** Recently changed pages of every readable space, with the spaces' names. */
    public record Overview(List<SpaceRef> spaces, List<WikiPage> recent, Map<Long, SpaceRef> spaceById,
                           Map<Long, UserSummary> people) {

        public String name(Long userId) {
            return WikiViews.name(people, userId);
        }
    }

    private final WikiService wiki;
    private final WikiExtras extras;
    private final Attachments attachments;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final VisibilityPolicy policy;

    WikiViews(WikiService wiki, WikiExtras extras, Attachments attachments, SpaceDirectory spaces,
              IdentityApi identity, VisibilityPolicy policy) {
        this.wiki = wiki;
        this.extras = extras;
        this.attachments = attachments;
        this.spaces = spaces;
        this.identity = identity;
        this.policy = policy;
    }

    PageView page(KontorUser viewer, long spaceId, long pageId) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        List<WikiComment> comments = extras.comments(viewer, spaceId, pageId);
        List<Long> ids = new ArrayList<>(List.of(nz(p.createdBy()), nz(p.updatedBy())));
        comments.forEach(c -> ids.add(nz(c.authorId())));
        return new PageView(space(spaceId), p, wiki.access(viewer, p), wiki.render(p, p.body()),
                wiki.breadcrumbs(p), wiki.tree(viewer, spaceId), wiki.backlinks(p), wiki.labels(p), people(ids),
                extras.watching(viewer, p), policy.canWrite(viewer, spaceId), comments,
                attachments.list(viewer, spaceId, pageId));
    }

    Home home(KontorUser viewer, long spaceId) {
        PageAccess a = wiki.wiki(viewer, spaceId);
        List<WikiPage> recent = wiki.recent(viewer, spaceId, 10);
        return new Home(space(spaceId), a, wiki.tree(viewer, spaceId), recent, wiki.labelCounts(viewer, spaceId),
                people(recent.stream().map(p -> nz(p.updatedBy())).toList()));
    }

    Overview overview(KontorUser viewer) {
        Set<Long> readable = policy.readableSpaceIds(viewer);
        Map<Long, SpaceRef> refs = spaces.find(readable);
        List<SpaceRef> sorted = refs.values().stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        List<WikiPage> recent = wiki.recentEverywhere(viewer, 20);
        return new Overview(sorted, recent, refs, people(recent.stream().map(p -> nz(p.updatedBy())).toList()));
    }

    SpaceRef space(long spaceId) {
        SpaceRef ref = spaces.find(List.of(spaceId)).get(spaceId);
        if (ref == null) {
            throw new DomainException.NotFound();
        }
        return ref;
    }

    Map<Long, UserSummary> people(Collection<Long> ids) {
        Set<Long> known = new HashSet<>(ids);
        known.remove(0L);
        return identity.findAll(known);
    }

    private static long nz(Long id) {
        return id == null ? 0L : id;
    }

    static String name(Map<Long, UserSummary> people, Long userId) {
        UserSummary u = userId == null ? null : people.get(userId);
        return u == null ? "—" : u.displayName();
    }
}
