package de.kontor.blogs.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.FormErrors;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;

/** Blogs (latest articles, a person's, a space's), writing and publishing an article, its page and cover. */
@Controller
class BlogController {

    private final BlogService blogs;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final FormErrors formErrors;

    BlogController(BlogService blogs, VisibilityPolicy policy, SpaceDirectory spaces, IdentityApi identity,
                   FormErrors formErrors) {
        this.blogs = blogs;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
        this.formErrors = formErrors;
    }

    @GetMapping("/articles")
    String latest(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String cursor,
                  Model model) {
        Page<Article> page = blogs.latest(viewer, cursor, 20);
        return list(model, "latest", null, null, page, List.of(), "/articles",
                viewer.guest() && blogs.writableSpaces(viewer).isEmpty() ? null : "/articles/new");
    }

    @GetMapping("/blogs/people/{id:\\d+}")
    String person(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String cursor, Model model) {
        Page<Article> page = blogs.personBlog(viewer, id, cursor, 20);
        String name = identity.find(id).orElseThrow(DomainException.NotFound::new).displayName();
        boolean own = viewer.id() == id;
        return list(model, "person", name, null, page, own ? blogs.unpublished(viewer, null) : List.of(),
                "/blogs/people/" + id, own ? "/articles/new" : null);
    }

    @GetMapping("/spaces/{id:\\d+}/blog")
    String space(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                 @RequestParam(required = false) String cursor, Model model) {
        Page<Article> page = blogs.spaceBlog(viewer, id, cursor, 20);
        String name = spaces.find(List.of(id)).get(id).name();
        return list(model, "space", name, id, page, blogs.unpublished(viewer, id), "/spaces/" + id + "/blog",
                policy.canWrite(viewer, id) ? "/articles/new?spaceId=" + id : null);
    }

    private String list(Model model, String kind, String name, Long spaceId, Page<Article> page,
                        List<Article> drafts, String base, String newLink) {
        List<Article> all = new java.util.ArrayList<>(page.items());
        all.addAll(drafts);
        model.addAttribute("kind", kind);
        model.addAttribute("name", name);
        model.addAttribute("spaceId", spaceId);
        model.addAttribute("page", page);
        model.addAttribute("drafts", drafts);
        model.addAttribute("authors", blogs.authors(all));
        model.addAttribute("spaceNames", blogs.spaceNames(all));
        model.addAttribute("base", base);
        model.addAttribute("newLink", newLink);
        return "blogs/list";
    }

    @GetMapping("/articles/new")
    String form(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String spaceId,
                Model model) {
        Long space = ArticleForm.number("spaceId", spaceId);
        if (space != null) {
            policy.requireWritable(viewer, space);
        }
        return form(viewer, ArticleForm.empty(space), null, model);
    }

    @PostMapping("/articles")
    String create(@AuthenticationPrincipal KontorUser viewer, ArticleForm form, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            Article a = blogs.create(viewer, form.space(), form.draft());
            redirect.addFlashAttribute("flash", "blogs.flash." + a.state().name());
            return "redirect:/articles/" + a.id();
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return form(viewer, form, null, model);
        }
    }

    private String form(KontorUser viewer, ArticleForm form, Article editing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("spaces", blogs.writableSpaces(viewer));
        model.addAttribute("ownBlog", !viewer.guest());
        return "blogs/edit";
    }

    @GetMapping("/articles/{id:\\d+}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("view", blogs.get(viewer, id));
        return "blogs/article";
    }

    @GetMapping("/articles/{id:\\d+}/edit")
    String edit(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        Article a = blogs.editable(viewer, id);
        return form(viewer, ArticleForm.of(a), a, model);
    }

    @PostMapping("/articles/{id:\\d+}/edit")
    String update(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, ArticleForm form, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            Article a = blogs.update(viewer, id, form.draft());
            redirect.addFlashAttribute("flash", "blogs.flash." + a.state().name());
            return "redirect:/articles/" + id;
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return form(viewer, form, blogs.editable(viewer, id), model);
        }
    }

    @PostMapping("/articles/{id:\\d+}/delete")
    String delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        Article a = blogs.get(viewer, id).article();
        blogs.delete(viewer, id);
        redirect.addFlashAttribute("flash", "blogs.flash.deleted");
        return a.spaceId() == null ? "redirect:/blogs/people/" + a.authorId() : "redirect:/spaces/" + a.spaceId()
                + "/blog";
    }

    @PostMapping("/articles/{id:\\d+}/cover")
    String cover(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                 @RequestParam(required = false) MultipartFile cover, Model model, RedirectAttributes redirect,
                 HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            blogs.setCover(viewer, id, cover == null ? null : cover.getOriginalFilename(),
                    cover == null ? null : cover.getBytes());
            redirect.addFlashAttribute("flash", "blogs.flash.cover");
            return "redirect:/articles/" + id + "/edit";
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            Article a = blogs.editable(viewer, id);
            return form(viewer, ArticleForm.of(a), a, model);
        }
    }

    /** Only for readers of the article; never sniffed into anything but the detected image type. */
    @GetMapping("/articles/{id:\\d+}/cover")
    ResponseEntity<byte[]> coverImage(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        ArticleRepository.Cover c = blogs.cover(viewer, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.type()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(c.data());
    }
}
