package de.kontor.wiki.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** Around a page: watching, comments, attachments, templates, exports and the history feed. */
@Controller
class WikiExtrasController {

    private static final String PAGE = "/spaces/{spaceId:\\d+}/wiki/{pageId:\\d+}";

    private final WikiExtras extras;
    private final Attachments attachments;
    private final WikiExport export;
    private final WikiViews views;
    private final FormErrors formErrors;
    private final LocaleResolver locales;

    WikiExtrasController(WikiExtras extras, Attachments attachments, WikiExport export, WikiViews views,
                         FormErrors formErrors, LocaleResolver locales) {
        this.extras = extras;
        this.attachments = attachments;
        this.export = export;
        this.views = views;
        this.formErrors = formErrors;
        this.locales = locales;
    }

    private static String page(long spaceId, long pageId) {
        return "redirect:/spaces/" + spaceId + "/wiki/" + pageId;
    }

    // watching

    @PostMapping(PAGE + "/watch")
    String watch(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                 @RequestParam(defaultValue = "true") boolean on, RedirectAttributes redirect) {
        extras.watch(viewer, spaceId, pageId, on);
        redirect.addFlashAttribute("flash", on ? "wiki.flash.watching" : "wiki.flash.unwatched");
        return page(spaceId, pageId);
    }

    // comments

    @PostMapping(PAGE + "/comments")
    String comment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                   @PathVariable long pageId, @RequestParam(required = false) String body, Model model,
                   RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            WikiComment c = extras.comment(viewer, spaceId, pageId, body);
            redirect.addFlashAttribute("flash", "wiki.flash.commented");
            return page(spaceId, pageId) + "#wiki-comment-" + c.id();
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("view", views.page(viewer, spaceId, pageId));
            model.addAttribute("commentBody", body);
            return "wiki/page";
        }
    }

    @PostMapping(PAGE + "/comments/{commentId:\\d+}/delete")
    String deleteComment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                         @PathVariable long pageId, @PathVariable long commentId, RedirectAttributes redirect) {
        extras.deleteComment(viewer, spaceId, pageId, commentId);
        redirect.addFlashAttribute("flash", "wiki.flash.commentDeleted");
        return page(spaceId, pageId);
    }

    // attachments

    @PostMapping(PAGE + "/attachments")
    String upload(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new DomainException.Invalid("file", "wiki.error.emptyFile");
        }
        attachments.upload(viewer, spaceId, pageId, file.getOriginalFilename(), file.getBytes());
        redirect.addFlashAttribute("flash", "wiki.flash.uploaded");
        return page(spaceId, pageId) + "#attachments";
    }

    @GetMapping(PAGE + "/attachments/{name:.+}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                    @PathVariable long pageId, @PathVariable String name) {
        Attachment a = attachments.find(viewer, spaceId, pageId, name);
        return file(a, attachments.data(a));
    }

    /** Images and PDFs open in the browser; everything else downloads. Never sniffed, never cached publicly. */
    static ResponseEntity<byte[]> file(Attachment a, byte[] data) {
        boolean inline = a.image() || a.contentType().equals("application/pdf");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline()
                        : ContentDisposition.attachment()).filename(a.name(), StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .body(data);
    }

    @PostMapping(PAGE + "/attachments/{name:.+}/delete")
    String deleteAttachment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                            @PathVariable long pageId, @PathVariable String name, RedirectAttributes redirect) {
        attachments.delete(viewer, spaceId, pageId, name);
        redirect.addFlashAttribute("flash", "wiki.flash.attachmentDeleted");
        return page(spaceId, pageId) + "#attachments";
    }

    // exports and feed

    @GetMapping(PAGE + "/export.zip")
    ResponseEntity<byte[]> zip(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                               @PathVariable long pageId, @RequestParam(defaultValue = "false") boolean tree) {
        byte[] zip = export.zip(viewer, spaceId, pageId, tree);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("wiki-" + pageId + (tree ? "-tree" : "") + ".zip").build().toString())
                .body(zip);
    }

    @GetMapping(PAGE + "/print")
    String print(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                 @RequestParam(defaultValue = "false") boolean tree, Model model) {
        model.addAttribute("pages", export.print(viewer, spaceId, pageId, tree));
        model.addAttribute("space", views.space(spaceId));
        return "wiki/print";
    }

    @GetMapping(value = PAGE + "/history.atom", produces = "application/atom+xml;charset=UTF-8")
    @ResponseBody
    String atom(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId) {
        return export.atom(viewer, spaceId, pageId);
    }

    // templates

    @GetMapping("/spaces/{spaceId:\\d+}/wiki/templates")
    String templates(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, Model model,
                     HttpServletRequest req) {
        return templatesView(viewer, spaceId, model, req);
    }

    private String templatesView(KontorUser viewer, long spaceId, Model model, HttpServletRequest req) {
        model.addAttribute("space", views.space(spaceId));
        model.addAttribute("templates", extras.templates(viewer, spaceId, locales.resolveLocale(req)));
        model.addAttribute("canManage", extras.canManageTemplates(viewer, spaceId));
        return "wiki/templates";
    }

    @PostMapping("/spaces/{spaceId:\\d+}/wiki/templates")
    String addTemplate(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                       @RequestParam(required = false) String name, @RequestParam(required = false) String body,
                       Model model, RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            extras.addTemplate(viewer, spaceId, name, body);
            redirect.addFlashAttribute("flash", "wiki.flash.templateAdded");
            return "redirect:/spaces/" + spaceId + "/wiki/templates";
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("name", name);
            model.addAttribute("body", body);
            return templatesView(viewer, spaceId, model, req);
        }
    }

    @PostMapping("/spaces/{spaceId:\\d+}/wiki/templates/{templateId:\\d+}/delete")
    String deleteTemplate(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                          @PathVariable long templateId, RedirectAttributes redirect) {
        extras.deleteTemplate(viewer, spaceId, templateId);
        redirect.addFlashAttribute("flash", "wiki.flash.templateDeleted");
        return "redirect:/spaces/" + spaceId + "/wiki/templates";
    }
}
