package de.kontor.stream.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** Writing through forms: posts, edits, comments, reactions, pins, follows and mutes. */
@Controller
class PostController {

    private final PostService posts;
    private final PostViews views;
    private final FollowService follows;
    private final StreamController streams;
    private final FormErrors formErrors;
    private final MessageSource messages;
    private final LocaleResolver locales;

    PostController(PostService posts, PostViews views, FollowService follows, StreamController streams,
                   FormErrors formErrors, MessageSource messages, LocaleResolver locales) {
        this.posts = posts;
        this.views = views;
        this.follows = follows;
        this.streams = streams;
        this.formErrors = formErrors;
        this.messages = messages;
        this.locales = locales;
    }

    @PostMapping("/posts")
    String create(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String spaceId,
                  @RequestParam(required = false) String body, @RequestParam(required = false) String back,
                  Model model, RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        Long space = spaceId == null || spaceId.isBlank() ? null : parse(spaceId);
        try {
            PostService.Written<Post> w = posts.create(viewer, space, body);
            return done(redirect, "stream.flash.posted", warnings(w, req), StreamController.safeBack(back));
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("composer", streams.composer(viewer, space, body, null, back));
            return "stream/compose";
        }
    }

    @GetMapping("/posts/{id:\\d+}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        Post p = posts.open(viewer, id);
        model.addAttribute("post", views.views(viewer, List.of(p), true).getFirst());
        return "stream/single";
    }

    @GetMapping("/posts/{id:\\d+}/edit")
    String editForm(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        Post p = posts.readable(viewer, id);
        if (p.authorId() != viewer.id()) {
            throw new DomainException.Forbidden("stream.error.notAuthor");
        }
        model.addAttribute("post", p);
        model.addAttribute("body", p.body());
        return "stream/edit";
    }

    @PostMapping("/posts/{id:\\d+}/edit")
    String edit(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                @RequestParam(required = false) String body, Model model, RedirectAttributes redirect,
                HttpServletRequest req, HttpServletResponse res) {
        try {
            PostService.Written<Post> w = posts.edit(viewer, id, body);
            return done(redirect, "stream.flash.edited", warnings(w, req), "/posts/" + id);
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("post", posts.readable(viewer, id));
            model.addAttribute("body", body);
            return "stream/edit";
        }
    }

    @GetMapping("/posts/{id:\\d+}/revisions")
    String revisions(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("revisions", posts.revisions(viewer, id));
        model.addAttribute("postId", id);
        return "stream/revisions";
    }

    @PostMapping("/posts/{id:\\d+}/delete")
    String delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        posts.delete(viewer, id);
        String target = StreamController.safeBack(back);
        return done(redirect, "stream.flash.deleted", List.of(), target.startsWith("/posts/" + id) ? "/" : target);
    }

    @PostMapping("/posts/{id:\\d+}/pin")
    String pin(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
               @RequestParam(required = false) String back, RedirectAttributes redirect) {
        posts.pin(viewer, id, true);
        return done(redirect, "stream.flash.pinned", List.of(), StreamController.safeBack(back));
    }

    @PostMapping("/posts/{id:\\d+}/unpin")
    String unpin(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                 @RequestParam(required = false) String back, RedirectAttributes redirect) {
        posts.pin(viewer, id, false);
        return done(redirect, "stream.flash.unpinned", List.of(), StreamController.safeBack(back));
    }

    @PostMapping("/posts/{id:\\d+}/comments")
    String comment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                   @RequestParam(required = false) String parentId, @RequestParam(required = false) String body,
                   Model model, RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            PostService.Written<Comment> w = posts.comment(viewer, id,
                    parentId == null || parentId.isBlank() ? null : parse(parentId), body);
            return done(redirect, "stream.flash.commented", warnings(w, req), "/posts/" + id + "#comment-"
                    + w.value().id());
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("post", views.views(viewer, List.of(posts.readable(viewer, id)), true).getFirst());
            return "stream/single";
        }
    }

    @GetMapping("/comments/{id:\\d+}/edit")
    String editCommentForm(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        Comment c = posts.readableComment(viewer, id);
        if (c.authorId() != viewer.id()) {
            throw new DomainException.Forbidden("stream.error.notAuthor");
        }
        model.addAttribute("comment", c);
        model.addAttribute("body", c.body());
        return "stream/editComment";
    }

    @PostMapping("/comments/{id:\\d+}/edit")
    String editComment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                       @RequestParam(required = false) String body, Model model, RedirectAttributes redirect,
                       HttpServletRequest req, HttpServletResponse res) {
        try {
            PostService.Written<Comment> w = posts.editComment(viewer, id, body);
            return done(redirect, "stream.flash.edited", warnings(w, req),
                    "/posts/" + w.value().postId() + "#comment-" + id);
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("comment", posts.readableComment(viewer, id));
            model.addAttribute("body", body);
            return "stream/editComment";
        }
    }

    @PostMapping("/comments/{id:\\d+}/delete")
    String deleteComment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                         RedirectAttributes redirect) {
        Comment c = posts.readableComment(viewer, id);
        posts.deleteComment(viewer, id);
        return done(redirect, "stream.flash.commentDeleted", List.of(), "/posts/" + c.postId());
    }

    /** Toggle a reaction; htmx gets the post's reaction row back, a plain form a redirect. */
    @PostMapping("/posts/{id:\\d+}/reactions/{reaction}")
    String react(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable String reaction,
                 @RequestParam(required = false) String back,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        posts.toggle(viewer, id, reaction);
        if (htmx != null) {
            model.addAttribute("post", views.views(viewer, List.of(posts.readable(viewer, id)), false).getFirst());
            model.addAttribute("back", StreamController.safeBack(back));
            return "stream/reactions";
        }
        return "redirect:" + StreamController.safeBack(back == null ? "/posts/" + id : back);
    }

    @PostMapping("/follows/{type}/{key}")
    String follow(@AuthenticationPrincipal KontorUser viewer, @PathVariable String type, @PathVariable String key,
                  @RequestParam(required = false) String back) {
        follows.follow(viewer, FollowService.type(type), key);
        return "redirect:" + StreamController.safeBack(back == null ? target(type, key) : back);
    }

    @PostMapping("/follows/{type}/{key}/delete")
    String unfollow(@AuthenticationPrincipal KontorUser viewer, @PathVariable String type, @PathVariable String key,
                    @RequestParam(required = false) String back) {
        follows.unfollow(viewer, FollowService.type(type), key);
        return "redirect:" + StreamController.safeBack(back == null ? target(type, key) : back);
    }

    @PostMapping("/spaces/{id:\\d+}/mute")
    String mute(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        follows.mute(viewer, id, true);
        return "redirect:/spaces/" + id + "/posts";
    }

    @PostMapping("/spaces/{id:\\d+}/unmute")
    String unmute(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        follows.mute(viewer, id, false);
        return "redirect:/spaces/" + id + "/posts";
    }

    private static String target(String type, String key) {
        return switch (FollowService.type(type)) {
            case USER -> "/people/" + key + "/posts";
            case SPACE -> "/spaces/" + key + "/posts";
            case TAG -> "/tags/" + key;
            case POST -> "/posts/" + key;
        };
    }

    private String done(RedirectAttributes redirect, String flash, List<String> warnings, String target) {
        redirect.addFlashAttribute("flash", flash);
        if (!warnings.isEmpty()) {
            redirect.addFlashAttribute("warnings", warnings);
        }
        return "redirect:" + target;
    }

    private List<String> warnings(PostService.Written<?> w, HttpServletRequest req) {
        Locale locale = locales.resolveLocale(req);
        return w.notNotified().stream().map(UserSummary::displayName)
                .map(n -> messages.getMessage("stream.mention.notVisible", new Object[] {n}, locale)).toList();
    }

    private static long parse(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("spaceId", "stream.error.badId");
        }
    }
}
