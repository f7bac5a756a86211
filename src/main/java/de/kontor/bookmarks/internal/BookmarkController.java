package de.kontor.bookmarks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.KontorProperties;
import de.kontor.shared.web.FormErrors;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;

/** The bookmark pages: own list, share form (with link preview), a bookmark, popular links, import and export. */
@Controller
public class BookmarkController {

    private final BookmarkService bookmarks;
    private final FormErrors formErrors;
    private final KontorProperties properties;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;

    BookmarkController(BookmarkService bookmarks, FormErrors formErrors, KontorProperties properties,
                       VisibilityPolicy policy, SpaceDirectory spaces) {
        this.bookmarks = bookmarks;
        this.formErrors = formErrors;
        this.properties = properties;
        this.policy = policy;
        this.spaces = spaces;
    }

    /** The form's fields as typed. */
    public record Form(String url, String title, String note, String tags, String spaceId) {

        static Form empty() {
            return new Form("", "", "", "", "");
        }

        BookmarkService.Draft draft() {
            return new BookmarkService.Draft(url, title, note, tags, BookmarkController.spaceId(spaceId));
        }
    }

    @GetMapping("/bookmarks")
    String mine(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String tag,
                @RequestParam(required = false) String cursor, Model model) {
        var page = bookmarks.mine(viewer, tag, cursor, 20);
        model.addAttribute("page", page);
        model.addAttribute("tag", Links.tagFilter(tag));
        model.addAttribute("cursor", cursor);
        model.addAttribute("tags", bookmarks.myTags(viewer));
        model.addAttribute("spaceNames", bookmarks.spaceNames(page.items()));
        model.addAttribute("bookmarklet", bookmarklet());
        return "bookmarks/list";
    }

    @GetMapping("/bookmarks/new")
    String form(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String url,
                @RequestParam(required = false) String title, @RequestParam(required = false) Long spaceId,
                Model model) {
        Form f = new Form(url == null ? "" : url, title == null ? "" : title, "", "",
                spaceId == null ? "" : spaceId.toString());
        return form(viewer, f, null, model);
    }

    /** "Fetch title" re-renders the form with the page's title and description; otherwise the bookmark is saved. */
    @PostMapping("/bookmarks")
    String create(@AuthenticationPrincipal KontorUser viewer, Form form,
                  @RequestParam(required = false) String fetch, Model model, RedirectAttributes redirect,
                  HttpServletRequest req, HttpServletResponse res) {
        if (fetch != null) {
            return fetch(viewer, form, model, req, res);
        }
        try {
            Bookmark b = bookmarks.save(viewer, form.draft());
            redirect.addFlashAttribute("flash", "bookmarks.flash.saved");
            return "redirect:/bookmarks/" + b.id();
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            if (e instanceof DomainException.Conflict c && c.field() == null) {
                throw e;
            }
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return form(viewer, form, null, model);
        }
    }

    private String fetch(KontorUser viewer, Form form, Model model, HttpServletRequest req,
                         HttpServletResponse res) {
        try {
            var preview = bookmarks.preview(form.url());
            Form filled = preview.map(p -> new Form(form.url(),
                    form.title() == null || form.title().isBlank() ? p.title() : form.title(),
                    form.note() == null || form.note().isBlank() ? p.description() : form.note(),
                    form.tags(), form.spaceId())).orElse(form);
            return form(viewer, filled, preview.isPresent() ? "bookmarks.preview.fetched"
                    : "bookmarks.preview.noPage", model);
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return form(viewer, form, null, model);
        } catch (BookmarkService.FetchFailed e) {
            return form(viewer, form, e.messageKey(), model);
        }
    }

    private String form(KontorUser viewer, Form form, String previewNote, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("spaces", bookmarks.writableSpaces(viewer));
        model.addAttribute("previewNote", previewNote);
        model.addAttribute("bookmarkId", null);
        return "bookmarks/form";
    }

    @GetMapping("/bookmarks/{id:\\d+}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("view", bookmarks.view(viewer, id));
        return "bookmarks/show";
    }

    @GetMapping("/bookmarks/{id:\\d+}/edit")
    String edit(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        var view = bookmarks.view(viewer, id);
        if (!view.canEdit()) {
            throw new DomainException.Forbidden("bookmarks.error.notOwner");
        }
        Bookmark b = view.bookmark();
        return editForm(viewer, id, new Form(b.url(), b.title(), b.note(), b.tagText(),
                b.spaceId() == null ? "" : b.spaceId().toString()), model);
    }

    @PostMapping("/bookmarks/{id:\\d+}/edit")
    String update(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Form form, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            bookmarks.update(viewer, id, form.draft());
            redirect.addFlashAttribute("flash", "bookmarks.flash.saved");
            return "redirect:/bookmarks/" + id;
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            if (e instanceof DomainException.Conflict c && c.field() == null) {
                throw e;
            }
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return editForm(viewer, id, form, model);
        }
    }

    private String editForm(KontorUser viewer, long id, Form form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("spaces", bookmarks.writableSpaces(viewer));
        model.addAttribute("previewNote", null);
        model.addAttribute("bookmarkId", id);
        return "bookmarks/form";
    }

    @PostMapping("/bookmarks/{id:\\d+}/delete")
    String delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        bookmarks.delete(viewer, id);
        redirect.addFlashAttribute("flash", "bookmarks.flash.deleted");
        return "redirect:/bookmarks";
    }

    @GetMapping("/bookmarks/popular")
    String popular(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String tag,
                   @RequestParam(required = false) String week, Model model) {
        LocalDate monday = BookmarkService.weekOf(week(week));
        model.addAttribute("links", bookmarks.popular(viewer, tag, monday));
        model.addAttribute("tags", bookmarks.popularTags(viewer, monday));
        model.addAttribute("tag", Links.tagFilter(tag));
        model.addAttribute("week", monday);
        return "bookmarks/popular";
    }

    @GetMapping("/spaces/{id:\\d+}/bookmarks")
    String inSpace(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                   @RequestParam(required = false) String tag, @RequestParam(required = false) String cursor,
                   Model model) {
        var page = bookmarks.inSpace(viewer, id, tag, cursor, 20);
        model.addAttribute("space", spaces.find(List.of(id)).get(id));
        model.addAttribute("canWrite", policy.canWrite(viewer, id));
        model.addAttribute("page", page);
        model.addAttribute("tag", Links.tagFilter(tag));
        model.addAttribute("cursor", cursor);
        return "bookmarks/space";
    }

    @GetMapping("/bookmarks/import")
    String importForm(@AuthenticationPrincipal KontorUser viewer, Model model) {
        model.addAttribute("spaces", bookmarks.writableSpaces(viewer));
        model.addAttribute("result", null);
        return "bookmarks/import";
    }

    @PostMapping("/bookmarks/import")
    String importFile(@AuthenticationPrincipal KontorUser viewer,
                      @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String spaceId, Model model, HttpServletRequest req,
                      HttpServletResponse res) throws IOException {
        model.addAttribute("spaces", bookmarks.writableSpaces(viewer));
        if (file == null || file.isEmpty()) {
            DomainException.Invalid e = new DomainException.Invalid("file", "bookmarks.error.importEmpty");
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("result", null);
            return "bookmarks/import";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", bookmarks.importFile(viewer, in, spaceId(spaceId)));
        }
        return "bookmarks/import";
    }

    @GetMapping("/bookmarks/export.html")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal KontorUser viewer) {
        return exportResponse(bookmarks.export(viewer));
    }

    static ResponseEntity<byte[]> exportResponse(String html) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kontor-bookmarks.html").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A link the person drags to the bookmarks bar: it opens the share form with the current page's address. jte
     * refuses {@code javascript:} URLs in attributes, so the template writes this one unescaped: it is escaped here
     * for the attribute (and the configured base URL for the script's string).
     */
    private String bookmarklet() {
        String base = properties.baseUrl() == null ? "" : properties.baseUrl().replaceAll("/+$", "");
        String js = "javascript:(function(){location.href='" + base.replace("\\", "\\\\").replace("'", "\\'")
                + "/bookmarks/new?url='+encodeURIComponent(location.href)+'&title='"
                + "+encodeURIComponent(document.title);})();";
        return js.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static Long spaceId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("spaceId", "bookmarks.error.space");
        }
    }

    static LocalDate week(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException.Invalid("week", "bookmarks.error.week");
        }
    }
}
