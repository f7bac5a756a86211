package de.kontor.bookmarks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;

/** {@code /api/v1/bookmarks}: the same bookmarks with the same rules as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bookmarks", description = "Social bookmarks: private or in a space, who else saved a link, popular "
        + "links, link previews, Netscape bookmark file import and export")
class BookmarksApiController {

    record BookmarkJson(String id, String url, String title, String note, List<String> tags, String ownerId,
                        String spaceId, boolean isPrivate, String createdAt, String updatedAt) {
        static BookmarkJson of(Bookmark b) {
            return new BookmarkJson(Long.toString(b.id()), b.url(), b.title(), b.note(), b.tags(),
                    Long.toString(b.ownerId()), b.spaceId() == null ? null : b.spaceId().toString(), b.isPrivate(),
                    b.createdAt().toString(), b.updatedAt().toString());
        }
    }

    record OtherSaveJson(String bookmarkId, String userId, String displayName, String spaceId, String spaceName,
                         String createdAt) {
    }

    record BookmarkDetailJson(BookmarkJson bookmark, List<OtherSaveJson> alsoSavedBy, boolean canEdit,
                              boolean canDelete) {
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    record PopularJson(String url, String title, int people, List<String> tags) {
    }

    record NewBookmark(String url, String title, String note, List<String> tags, String spaceId) {
    }

    record PreviewRequest(String url) {
    }

    record PreviewJson(boolean fetched, String title, String description, String reason) {
    }

    record ImportJson(int imported, int invalid, int duplicates) {
    }

    private final BookmarkService bookmarks;

    BookmarksApiController(BookmarkService bookmarks) {
        this.bookmarks = bookmarks;
    }

    @GetMapping("/bookmarks")
    @Operation(summary = "The caller's own bookmarks, newest first, optionally with one tag (cursor-paginated)")
    ResponseEntity<ListJson<BookmarkJson>> mine(@AuthenticationPrincipal KontorUser viewer,
                                                @RequestParam(required = false) String tag,
                                                @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) String cursor) {
        return list(bookmarks.mine(viewer, tag, cursor, limit));
    }

    @PostMapping("/bookmarks")
    @Operation(summary = "Save a link, privately (no spaceId) or into a space the caller may write to; 422 with the "
            + "reason for addresses that are not http(s) or point into a private network, 409 if already saved there")
    ResponseEntity<BookmarkJson> create(@AuthenticationPrincipal KontorUser viewer, @RequestBody NewBookmark body) {
        Bookmark b = bookmarks.save(viewer, draft(body));
        return ResponseEntity.created(URI.create("/api/v1/bookmarks/" + b.id())).body(BookmarkJson.of(b));
    }

    @GetMapping("/bookmarks/{id}")
    @Operation(summary = "A bookmark with who else saved the link (only saves in spaces the caller reads)")
    BookmarkDetailJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        var v = bookmarks.view(viewer, id);
        return new BookmarkDetailJson(BookmarkJson.of(v.bookmark()), v.others().stream()
                .map(o -> new OtherSaveJson(Long.toString(o.bookmarkId()), Long.toString(o.person().id()),
                        o.person().displayName(), o.space() == null ? null : Long.toString(o.space().id()),
                        o.space() == null ? null : o.space().name(), o.createdAt().toString()))
                .toList(), v.canEdit(), v.canDelete());
    }

    @PatchMapping("/bookmarks/{id}")
    @Operation(summary = "Change a bookmark (its owner); fields left out stay as they are, \"spaceId\":\"\" makes "
            + "it private")
    BookmarkJson update(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        @RequestBody NewBookmark body) {
        Bookmark b = bookmarks.readable(viewer, id);
        var draft = new BookmarkService.Draft(body.url() == null ? b.url() : body.url(),
                body.title() == null ? b.title() : body.title(), body.note() == null ? b.note() : body.note(),
                body.tags() == null ? String.join(",", b.tags()) : String.join(",", body.tags()),
                body.spaceId() == null ? b.spaceId() : BookmarkController.spaceId(body.spaceId()));
        return BookmarkJson.of(bookmarks.update(viewer, id, draft));
    }

    @DeleteMapping("/bookmarks/{id}")
    @Operation(summary = "Delete a bookmark (its owner, or a moderator of its space)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        bookmarks.delete(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/bookmarks/popular")
    @Operation(summary = "The links most people saved in a week (Monday of the week as ?week=2026-11-23, default "
            + "this week), optionally with one tag; only saves in spaces the caller reads count")
    ListJson<PopularJson> popular(@AuthenticationPrincipal KontorUser viewer,
                                  @RequestParam(required = false) String tag,
                                  @RequestParam(required = false) String week) {
        LocalDate monday = BookmarkService.weekOf(BookmarkController.week(week));
        return new ListJson<>(bookmarks.popular(viewer, tag, monday).stream()
                .map(p -> new PopularJson(p.url(), p.title(), p.people(), p.tags())).toList(), null);
    }

    @PostMapping("/bookmarks/preview")
    @Operation(summary = "Fetch a page's title and description (OpenGraph, else <title> and meta description); 422 "
            + "with the reason for refused addresses, fetched=false with the reason when the page could not be read")
    PreviewJson preview(@AuthenticationPrincipal KontorUser viewer, @RequestBody PreviewRequest body) {
        try {
            return bookmarks.preview(body.url())
                    .map(p -> new PreviewJson(true, p.title(), p.description(), null))
                    .orElse(new PreviewJson(false, null, null, "bookmarks.preview.noPage"));
        } catch (BookmarkService.FetchFailed e) {
            return new PreviewJson(false, null, null, e.messageKey());
        }
    }

    @GetMapping("/bookmarks/export")
    @Operation(summary = "The caller's bookmarks as a Netscape bookmark file (HTML) that browsers import")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal KontorUser viewer) {
        return BookmarkController.exportResponse(bookmarks.export(viewer));
    }

    @PostMapping(value = "/bookmarks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a Netscape bookmark file (multipart field 'file'), privately unless spaceId is given; "
            + "links that are not http(s) or forbidden are skipped and counted")
    ImportJson importFile(@AuthenticationPrincipal KontorUser viewer,
                          @RequestParam(required = false) MultipartFile file,
                          @RequestParam(required = false) String spaceId) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new DomainException.Invalid("file", "bookmarks.error.importEmpty");
        }
        try (InputStream in = file.getInputStream()) {
            var r = bookmarks.importFile(viewer, in, BookmarkController.spaceId(spaceId));
            return new ImportJson(r.imported(), r.invalid(), r.duplicates());
        }
    }

    @GetMapping("/spaces/{spaceId}/bookmarks")
    @Operation(summary = "The bookmarks saved into a space, newest first (cursor-paginated)")
    ResponseEntity<ListJson<BookmarkJson>> inSpace(@AuthenticationPrincipal KontorUser viewer,
                                                   @PathVariable long spaceId,
                                                   @RequestParam(required = false) String tag,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String cursor) {
        return list(bookmarks.inSpace(viewer, spaceId, tag, cursor, limit));
    }

    private static ResponseEntity<ListJson<BookmarkJson>> list(Page<Bookmark> page) {
        return ApiPaging.ok(page.nextCursor()).body(new ListJson<>(page.items().stream().map(BookmarkJson::of)
                .toList(), page.nextCursor()));
    }

    private static BookmarkService.Draft draft(NewBookmark body) {
        return new BookmarkService.Draft(body.url(), body.title(), body.note(),
                body.tags() == null ? "" : String.join(",", body.tags()), BookmarkController.spaceId(body.spaceId()));
    }
}
