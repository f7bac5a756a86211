package de.kontor.wiki.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.VisibilityPolicy;

/**
 * Watching pages, page comments and page templates. Readers of a page watch it; members of the space comment;
 * the space's owners and moderators (and administrators) manage its templates.
 */
@Service
class WikiExtras {

    static final int MAX_COMMENT = 10_000;

    private final WikiService wiki;
    private final WikiExtrasRepository extras;
    private final VisibilityPolicy policy;

    WikiExtras(WikiService wiki, WikiExtrasRepository extras, VisibilityPolicy policy) {
        this.wiki = wiki;
        this.extras = extras;
        this.policy = policy;
    }

    // watching

    @Transactional
    void watch(KontorUser viewer, long spaceId, long pageId, boolean on) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        if (on) {
            extras.watch(p.id(), viewer.id());
        } else {
            extras.unwatch(p.id(), viewer.id());
        }
    }

    boolean watching(KontorUser viewer, WikiPage p) {
        return extras.watching(p.id(), viewer.id());
    }

    // comments

    List<WikiComment> comments(KontorUser viewer, long spaceId, long pageId) {
        return extras.comments(wiki.readable(viewer, spaceId, pageId).id());
    }

    @Transactional
    WikiComment comment(KontorUser viewer, long spaceId, long pageId, String body) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        policy.requireWritable(viewer, spaceId);
        String text = body == null ? "" : body.strip();
        new Validation().required("body", text).maxLength("body", text, MAX_COMMENT).throwIfInvalid();
        extras.watch(p.id(), viewer.id());
        return extras.insertComment(p.id(), viewer.id(), text);
    }

    @Transactional
    void deleteComment(KontorUser viewer, long spaceId, long pageId, long commentId) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        WikiComment c = extras.comment(commentId).filter(x -> x.pageId() == p.id())
                .orElseThrow(DomainException.NotFound::new);
        SpaceAccess a = policy.access(viewer, spaceId);
        if (!Objects.equals(c.authorId(), viewer.id()) && !a.moderate()) {
            throw new DomainException.Forbidden("wiki.error.notCommentAuthor");
        }
        if (a.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
        extras.deleteComment(c.id());
    }

    // templates

    /** Built-in templates in the viewer's language, then the space's own. */
    List<PageTemplate> templates(KontorUser viewer, long spaceId, Locale locale) {
        wiki.wiki(viewer, spaceId);
        List<PageTemplate> all = new ArrayList<>(BuiltInTemplates.all(locale));
        all.addAll(extras.templates(spaceId));
        return all;
    }

    /** The template chosen in the new-page form (a built-in key or a space template's id); 404 when unknown. */
    PageTemplate template(KontorUser viewer, long spaceId, String choice, Locale locale) {
        return templates(viewer, spaceId, locale).stream().filter(t -> t.choice().equals(choice)).findFirst()
                .orElseThrow(DomainException.NotFound::new);
    }

    boolean canManageTemplates(KontorUser viewer, long spaceId) {
        SpaceAccess a = policy.access(viewer, spaceId);
        return a.read() && a.moderate() && !a.archived();
    }

    @Transactional
    PageTemplate addTemplate(KontorUser viewer, long spaceId, String name, String body) {
        requireManage(viewer, spaceId);
        String n = name == null ? "" : name.strip();
        String b = body == null ? "" : body.replace("\r\n", "\n");
        new Validation().required("name", n).maxLength("name", n, 100).maxLength("body", b, WikiService.MAX_BODY)
                .throwIfInvalid();
        if (extras.templateExists(spaceId, n)) {
            throw new DomainException.Conflict("name", "wiki.error.duplicateTemplate");
        }
        return new PageTemplate(extras.insertTemplate(spaceId, n, b, viewer.id()), null, n, b);
    }

    @Transactional
    void deleteTemplate(KontorUser viewer, long spaceId, long templateId) {
        requireManage(viewer, spaceId);
        if (extras.deleteTemplate(spaceId, templateId) == 0) {
            throw new DomainException.NotFound();
        }
    }

    private void requireManage(KontorUser viewer, long spaceId) {
        SpaceAccess a = policy.requireReadable(viewer, spaceId);
        if (!a.moderate()) {
            throw new DomainException.Forbidden("wiki.error.templatesModerators");
        }
        if (a.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
    }
}
