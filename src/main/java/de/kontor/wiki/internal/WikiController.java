package de.kontor.wiki.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;
import de.kontor.spaces.VisibilityPolicy;
import de.kontor.wiki.internal.WikiService.Draft;
import de.kontor.wiki.internal.WikiService.PageAccess;

/** The wiki's pages: reading, writing, the tree, history, diffs and edit conflicts. */
@Controller
public class WikiController {

    /** What the page form shows (new page or edit). */
    public record Form(long spaceId, String spaceName, Long pageId, Long parentId, String title, String body,
                       String note, String labels, Long baseRevisionId, boolean restricted, boolean canRestrict) {

        public String action() {
            return pageId == null ? "/spaces/" + spaceId + "/wiki" : "/spaces/" + spaceId + "/wiki/" + pageId + "/edit";
        }

        public String cancel() {
            return pageId == null ? "/spaces/" + spaceId + "/wiki" : "/spaces/" + spaceId + "/wiki/" + pageId;
        }
    }

    /** Both sides of an edit conflict: the page as it is now and what the viewer tried to save. */
    public record Merge(Form form, WikiPage current, String currentAuthor, WikiDiff diff) {
    }

    /** A choice in the "move to" list: a page and its depth in the tree. */
    public record Target(long id, String title, int depth) {
    }

    private final WikiService wiki;
    private final WikiExtras extras;
    private final WikiViews views;
    private final FormErrors formErrors;
    private final LocaleResolver locales;
    private final VisibilityPolicy policy;

    WikiController(WikiService wiki, WikiExtras extras, WikiViews views, FormErrors formErrors,
                   LocaleResolver locales, VisibilityPolicy policy) {
        this.policy = policy;
        this.wiki = wiki;
        this.extras = extras;
        this.views = views;
        this.formErrors = formErrors;
        this.locales = locales;
    }

    @GetMapping("/wiki")
    String overview(@AuthenticationPrincipal KontorUser viewer, Model model) {
        model.addAttribute("overview", views.overview(viewer));
        return "wiki/overview";
    }

    @GetMapping("/spaces/{spaceId:\\d+}/wiki")
    String home(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, Model model) {
        model.addAttribute("home", views.home(viewer, spaceId));
        return "wiki/home";
    }

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/labels/{label}")
    String label(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable String label,
                 Model model) {
        model.addAttribute("home", views.home(viewer, spaceId));
        model.addAttribute("label", label);
        model.addAttribute("pages", wiki.withLabel(viewer, spaceId, label));
        return "wiki/label";
    }

    // new pages

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/new")
    String newForm(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                   @RequestParam(required = false) Long parentId, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String template, Model model, HttpServletRequest req) {
        PageAccess a = requireEditable(viewer, spaceId);
        Locale locale = locales.resolveLocale(req);
        String body = template == null || template.isBlank() ? ""
                : extras.template(viewer, spaceId, template, locale).body();
        model.addAttribute("form", new Form(spaceId, views.space(spaceId).name(), null, parentId, title, body, "",
                "", null, false, a.moderate()));
        model.addAttribute("templates", extras.templates(viewer, spaceId, locale));
        model.addAttribute("template", template);
        return "wiki/edit";
    }

    @PostMapping("/spaces/{spaceId:\\d+}/wiki")
    String create(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                  @RequestParam(required = false) Long parentId, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String body, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String labels,
                  @RequestParam(required = false, defaultValue = "false") boolean restricted, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            WikiPage p = wiki.create(viewer, spaceId, parentId, new Draft(title, body, note, labels), restricted);
            redirect.addFlashAttribute("flash", "wiki.flash.created");
            return "redirect:" + p.url();
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("form", new Form(spaceId, views.space(spaceId).name(), null, parentId, title, body,
                    note, labels, null, restricted, wiki.wiki(viewer, spaceId).moderate()));
            model.addAttribute("templates", extras.templates(viewer, spaceId, locales.resolveLocale(req)));
            return "wiki/edit";
        }
    }

    // one page

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}")
    String page(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                Model model) {
        model.addAttribute("view", views.page(viewer, spaceId, pageId));
        return "wiki/page";
    }

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/edit")
    String editForm(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                    @PathVariable long pageId, Model model) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        wiki.requireEdit(viewer, p);
        model.addAttribute("form", new Form(spaceId, views.space(spaceId).name(), p.id(), p.parentId(), p.title(),
                p.body(), "", String.join(", ", wiki.labels(p)), p.revisionId(), p.restricted(), false));
        return "wiki/edit";
    }

    @PostMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/edit")
    String edit(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                @RequestParam(required = false) Long baseRevisionId, @RequestParam(required = false) String title,
                @RequestParam(required = false) String body, @RequestParam(required = false) String note,
                @RequestParam(required = false) String labels, Model model, RedirectAttributes redirect,
                HttpServletRequest req, HttpServletResponse res) {
        Form form = new Form(spaceId, views.space(spaceId).name(), pageId, null, title, body, note, labels,
                baseRevisionId, false, false);
        try {
            if (baseRevisionId == null) {
                throw new DomainException.Invalid("baseRevisionId", "validation.required");
            }
            WikiPage p = wiki.save(viewer, spaceId, pageId, baseRevisionId, new Draft(title, body, note, labels));
            redirect.addFlashAttribute("flash", "wiki.flash.saved");
            return "redirect:" + p.url();
        } catch (EditConflict c) {
            res.setStatus(409);
            WikiPage current = c.current();
            WikiRevision mine = new WikiRevision(0, pageId, title == null ? "" : title.strip(),
                    body == null ? "" : body.replace("\r\n", "\n"), "", viewer.id(), null);
            WikiRevision theirs = wiki.revision(viewer, spaceId, pageId, current.revisionId());
            model.addAttribute("merge", new Merge(new Form(spaceId, form.spaceName(), pageId, null, title, body, note,
                    labels, current.revisionId(), false, false), current,
                    views.people(List.of(theirs.authorId() == null ? 0L : theirs.authorId()))
                            .values().stream().map(u -> u.displayName()).findFirst().orElse("—"),
                    WikiDiff.of(theirs, mine)));
            return "wiki/conflict";
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("form", form);
            return "wiki/edit";
        }
    }

    @PostMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/delete")
    String delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                  RedirectAttributes redirect) {
        wiki.delete(viewer, spaceId, pageId);
        redirect.addFlashAttribute("flash", "wiki.flash.deleted");
        return "redirect:/spaces/" + spaceId + "/wiki";
    }

    @PostMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/restrict")
    String restrict(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                    @PathVariable long pageId, @RequestParam(defaultValue = "false") boolean restricted,
                    RedirectAttributes redirect) {
        wiki.restrict(viewer, spaceId, pageId, restricted);
        redirect.addFlashAttribute("flash", restricted ? "wiki.flash.restricted" : "wiki.flash.unrestricted");
        return "redirect:/spaces/" + spaceId + "/wiki/" + pageId;
    }

    // tree

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/move")
    String moveForm(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                    @PathVariable long pageId, Model model) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        wiki.requireEdit(viewer, p);
        return moveView(viewer, p, model);
    }

    private String moveView(KontorUser viewer, WikiPage p, Model model) {
        List<Target> targets = new ArrayList<>();
        flatten(wiki.tree(viewer, p.spaceId()), 0, p.id(), targets);
        model.addAttribute("page", p);
        model.addAttribute("targets", targets);
        return "wiki/move";
    }

    /** Every page except the moved one and its subtree (the form offers no cyclic move; the service refuses it). */
    private static void flatten(List<TreeNode> nodes, int depth, long except, List<Target> out) {
        for (TreeNode n : nodes) {
            if (n.id() != except) {
                out.add(new Target(n.id(), n.title(), depth));
                flatten(n.children(), depth + 1, except, out);
            }
        }
    }

    @PostMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/move")
    String move(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                @RequestParam(required = false) String parentId, @RequestParam(required = false) Integer position,
                Model model, RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            Long parent = parentId == null || parentId.isBlank() ? null : Long.valueOf(parentId);
            WikiPage p = wiki.move(viewer, spaceId, pageId, parent, position);
            redirect.addFlashAttribute("flash", "wiki.flash.moved");
            return "redirect:" + p.url();
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return moveView(viewer, wiki.readable(viewer, spaceId, pageId), model);
        }
    }

    /** Moves a page one place up or down among its siblings (the buttons in the tree). */
    @PostMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/reorder")
    String reorder(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                   @PathVariable long pageId, @RequestParam String direction) {
        wiki.shift(viewer, spaceId, pageId, "up".equals(direction) ? -1 : 1);
        return "redirect:/spaces/" + spaceId + "/wiki";
    }

    // history

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/history")
    String history(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                   @PathVariable long pageId, Model model) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        List<WikiRevision> revisions = wiki.revisions(viewer, spaceId, pageId);
        model.addAttribute("page", p);
        model.addAttribute("access", wiki.access(viewer, p));
        model.addAttribute("revisions", revisions);
        model.addAttribute("people", views.people(revisions.stream()
                .map(r -> r.authorId() == null ? 0L : r.authorId()).toList()));
        return "wiki/history";
    }

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/revisions/{revisionId:\\d+}")
    String revision(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                    @PathVariable long pageId, @PathVariable long revisionId, Model model) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        WikiRevision r = wiki.revision(viewer, spaceId, pageId, revisionId);
        model.addAttribute("page", p);
        model.addAttribute("access", wiki.access(viewer, p));
        model.addAttribute("revision", r);
        model.addAttribute("html", wiki.render(p, r.body()).html());
        model.addAttribute("author", WikiViews.name(views.people(List.of(r.authorId() == null ? 0L : r.authorId())),
                r.authorId()));
        return "wiki/revision";
    }

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/diff")
    String diff(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                @RequestParam long from, @RequestParam long to,
                @RequestParam(required = false, defaultValue = "inline") String view, Model model) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        model.addAttribute("page", p);
        model.addAttribute("diff", wiki.diff(viewer, spaceId, pageId, Math.min(from, to), Math.max(from, to)));
        model.addAttribute("sideBySide", "side".equals(view));
        return "wiki/diff";
    }

    @PostMapping("/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}/revisions/{revisionId:\\d+}/restore")
    String restore(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                   @PathVariable long pageId, @PathVariable long revisionId, RedirectAttributes redirect) {
        WikiPage p = wiki.restore(viewer, spaceId, pageId, revisionId);
        redirect.addFlashAttribute("flash", "wiki.flash.restored");
        return "redirect:" + p.url();
    }

    private PageAccess requireEditable(KontorUser viewer, long spaceId) {
        policy.requireWritable(viewer, spaceId);
        return wiki.wiki(viewer, spaceId);
    }
}
