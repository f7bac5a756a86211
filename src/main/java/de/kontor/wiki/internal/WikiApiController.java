package de.kontor.wiki.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.Markdown;
import de.kontor.shared.web.ApiPaging;
import de.kontor.wiki.internal.WikiService.Draft;

/**
 * {@code /api/v1/spaces/{spaceId}/wiki}: the same wiki with the same rules as the pages. A page's {@code ETag} is its
 * current revision id; changing a page needs it in {@code If-Match} (428 without, 412 when stale).
 */
@RestController
@RequestMapping("/api/v1/spaces/{spaceId}/wiki")
@Tag(name = "Wiki", description = "Pages in a tree, revisions, diffs, attachments, comments, templates")
class WikiApiController {

    record PageJson(String id, String spaceId, String parentId, String title, String text, String html,
                    List<String> labels, boolean restricted, int position, String revisionId, String createdBy,
                    String createdAt, String updatedBy, String updatedAt, boolean canEdit, String url) {
    }

    record PageSummaryJson(String id, String parentId, String title, boolean restricted, String updatedAt) {
        static PageSummaryJson of(WikiPage p) {
            return new PageSummaryJson(str(p.id()), str(p.parentId()), p.title(), p.restricted(),
                    p.updatedAt().toString());
        }
    }

    record TreeJson(String id, String title, int position, boolean restricted, String updatedAt,
                    List<TreeJson> children) {
        static TreeJson of(TreeNode n) {
            return new TreeJson(str(n.id()), n.title(), n.position(), n.restricted(), n.updatedAt().toString(),
                    n.children().stream().map(TreeJson::of).toList());
        }
    }

    record RevisionJson(String id, String pageId, String title, String text, String note, String authorId,
                        String createdAt) {
        static RevisionJson of(WikiRevision r) {
            return new RevisionJson(str(r.id()), str(r.pageId()), r.title(), r.body(), r.note(), str(r.authorId()),
                    r.createdAt().toString());
        }
    }

    record DiffRowJson(String kind, String oldLine, String newLine) {
    }

    record DiffJson(String from, String to, int added, int removed, List<DiffRowJson> rows) {
    }

    record AttachmentJson(String id, String name, String contentType, long size, String uploadedBy,
                          String createdAt, String url) {
    }

    record CommentJson(String id, String authorId, String text, String html, String createdAt) {
    }

    record TemplateJson(String id, String key, String name, String text) {
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    record NewPage(String parentId, String title, String text, String note, List<String> labels,
                   Boolean restricted) {
    }

    record PagePatch(String title, String text, String note, List<String> labels) {
    }

    record Move(String parentId, Integer position) {
    }

    record Restriction(boolean restricted) {
    }

    record NewComment(String text) {
    }

    record NewTemplate(String name, String text) {
    }

    private final WikiService wiki;
    private final WikiExtras extras;
    private final Attachments attachments;
    private final WikiExport export;
    private final LocaleResolver locales;

    WikiApiController(WikiService wiki, WikiExtras extras, Attachments attachments, WikiExport export,
                      LocaleResolver locales) {
        this.wiki = wiki;
        this.extras = extras;
        this.attachments = attachments;
        this.export = export;
        this.locales = locales;
    }

    // pages

    @GetMapping("/pages")
    @Operation(summary = "The space's pages, most recently changed first (cursor-paginated)")
    ResponseEntity<ListJson<PageSummaryJson>> list(@AuthenticationPrincipal KontorUser viewer,
                                                   @PathVariable long spaceId,
                                                   @RequestParam(required = false) Integer limit,
                                                   @RequestParam(required = false) String cursor) {
        var page = wiki.changed(viewer, spaceId, cursor, limit);
        return ApiPaging.ok(page.nextCursor()).body(new ListJson<>(page.items().stream().map(PageSummaryJson::of)
                .toList(), page.nextCursor()));
    }

    @GetMapping("/tree")
    @Operation(summary = "Every page of the space as a nested tree")
    List<TreeJson> tree(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId) {
        return wiki.tree(viewer, spaceId).stream().map(TreeJson::of).toList();
    }

    @PostMapping("/pages")
    @Operation(summary = "Create a page (members of the space; 'restricted' by owners/moderators only); 409 for a "
            + "title that exists under the same parent, 422 for an empty title")
    ResponseEntity<PageJson> create(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                    @RequestBody NewPage body) {
        WikiPage p = wiki.create(viewer, spaceId, optionalId("parentId", body.parentId()),
                new Draft(body.title(), body.text(), body.note(), labels(body.labels())),
                Boolean.TRUE.equals(body.restricted()));
        return ResponseEntity.created(URI.create(apiUrl(p))).eTag(WikiErrors.etag(p.revisionId()))
                .body(json(viewer, p));
    }

    @GetMapping("/pages/{pageId}")
    @Operation(summary = "One page with its Markdown text and rendered HTML; the ETag is the current revision")
    ResponseEntity<PageJson> get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                 @PathVariable long pageId) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        return ResponseEntity.ok().eTag(WikiErrors.etag(p.revisionId())).body(json(viewer, p));
    }

    @PatchMapping("/pages/{pageId}")
    @Operation(summary = "Change title, text or labels (omitted fields stay); needs If-Match with the ETag: 428 "
            + "without, 412 when someone saved in between")
    ResponseEntity<PageJson> patch(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                   @PathVariable long pageId,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody PagePatch body) {
        WikiPage current = wiki.readable(viewer, spaceId, pageId);
        long base = base(ifMatch, current);
        Draft draft = new Draft(body.title() == null ? current.title() : body.title(),
                body.text() == null ? current.body() : body.text(), body.note(),
                body.labels() == null ? String.join(",", wiki.labels(current)) : labels(body.labels()));
        WikiPage p = wiki.save(viewer, spaceId, pageId, base, draft);
        return ResponseEntity.ok().eTag(WikiErrors.etag(p.revisionId())).body(json(viewer, p));
    }

    @PutMapping("/pages/{pageId}")
    @Operation(summary = "Replace title, text and labels; needs If-Match (428/412 as for PATCH)")
    ResponseEntity<PageJson> put(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                 @PathVariable long pageId,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestBody PagePatch body) {
        WikiPage current = wiki.readable(viewer, spaceId, pageId);
        WikiPage p = wiki.save(viewer, spaceId, pageId, base(ifMatch, current),
                new Draft(body.title(), body.text(), body.note(), labels(body.labels())));
        return ResponseEntity.ok().eTag(WikiErrors.etag(p.revisionId())).body(json(viewer, p));
    }

    @DeleteMapping("/pages/{pageId}")
    @Operation(summary = "Delete the page and its subpages (the page's creator or the space's moderators)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                @PathVariable long pageId) {
        wiki.delete(viewer, spaceId, pageId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/pages/{pageId}/move")
    @Operation(summary = "Move under another parent (parentId null: top level) at a position among the siblings; "
            + "422 for a move below itself, 409 when the new parent has a page of the same title")
    PageJson move(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                  @RequestBody Move body) {
        return json(viewer, wiki.move(viewer, spaceId, pageId, optionalId("parentId", body.parentId()),
                body.position()));
    }

    @PutMapping("/pages/{pageId}/restriction")
    @Operation(summary = "Restrict editing to the space's owners and moderators, or lift it (owners/moderators)")
    ResponseEntity<Void> restrict(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                  @PathVariable long pageId, @RequestBody Restriction body) {
        wiki.restrict(viewer, spaceId, pageId, body.restricted());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/pages/{pageId}/backlinks")
    @Operation(summary = "Pages of the space that link to this page with [[its title]]")
    ListJson<TreeJson> backlinks(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                 @PathVariable long pageId) {
        return new ListJson<>(wiki.backlinks(wiki.readable(viewer, spaceId, pageId)).stream().map(TreeJson::of)
                .toList(), null);
    }

    // revisions

    @GetMapping("/pages/{pageId}/revisions")
    @Operation(summary = "Every revision of the page, newest first")
    ListJson<RevisionJson> revisions(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                     @PathVariable long pageId) {
        return new ListJson<>(wiki.revisions(viewer, spaceId, pageId).stream().map(RevisionJson::of).toList(),
                null);
    }

    @GetMapping("/pages/{pageId}/revisions/{revisionId}")
    @Operation(summary = "One revision")
    RevisionJson revision(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                          @PathVariable long pageId, @PathVariable long revisionId) {
        return RevisionJson.of(wiki.revision(viewer, spaceId, pageId, revisionId));
    }

    @GetMapping("/pages/{pageId}/diff")
    @Operation(summary = "Line diff between two revisions of the page (rows: EQUAL, INSERT, DELETE, CHANGE)")
    DiffJson diff(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId, @PathVariable long pageId,
                  @RequestParam long from, @RequestParam long to) {
        WikiDiff d = wiki.diff(viewer, spaceId, pageId, from, to);
        return new DiffJson(str(d.from().id()), str(d.to().id()), d.added(), d.removed(), d.rows().stream()
                .map(r -> new DiffRowJson(r.kind().name(), r.oldLine(), r.newLine())).toList());
    }

    @PostMapping("/pages/{pageId}/revisions/{revisionId}/restore")
    @Operation(summary = "Restore an old revision as a new revision")
    ResponseEntity<PageJson> restore(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                     @PathVariable long pageId, @PathVariable long revisionId) {
        WikiPage p = wiki.restore(viewer, spaceId, pageId, revisionId);
        return ResponseEntity.ok().eTag(WikiErrors.etag(p.revisionId())).body(json(viewer, p));
    }

    // attachments

    @GetMapping("/pages/{pageId}/attachments")
    @Operation(summary = "The page's attachments")
    ListJson<AttachmentJson> attachments(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                         @PathVariable long pageId) {
        return new ListJson<>(attachments.list(viewer, spaceId, pageId).stream()
                .map(a -> attachmentJson(spaceId, a)).toList(), null);
    }

    @PostMapping(value = "/pages/{pageId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file (multipart field 'file'); a file of the same name is replaced. 413 above "
            + "kontor.wiki.attachment-max-size, 415 for types outside the allow-list (detected with Apache Tika)")
    ResponseEntity<AttachmentJson> upload(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                          @PathVariable long pageId,
                                          @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new DomainException.Invalid("file", "wiki.error.emptyFile");
        }
        Attachment a = attachments.upload(viewer, spaceId, pageId, file.getOriginalFilename(), file.getBytes());
        AttachmentJson json = attachmentJson(spaceId, a);
        return ResponseEntity.created(URI.create(json.url())).body(json);
    }

    @GetMapping("/pages/{pageId}/attachments/{name:.+}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                    @PathVariable long pageId, @PathVariable String name) {
        Attachment a = attachments.find(viewer, spaceId, pageId, name);
        return WikiExtrasController.file(a, attachments.data(a));
    }

    @DeleteMapping("/pages/{pageId}/attachments/{name:.+}")
    @Operation(summary = "Delete an attachment (editors of the page)")
    ResponseEntity<Void> deleteAttachment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                          @PathVariable long pageId, @PathVariable String name) {
        attachments.delete(viewer, spaceId, pageId, name);
        return ResponseEntity.noContent().build();
    }

    // comments, watching, export

    @GetMapping("/pages/{pageId}/comments")
    @Operation(summary = "Comments on the page, oldest first")
    ListJson<CommentJson> comments(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                   @PathVariable long pageId) {
        return new ListJson<>(extras.comments(viewer, spaceId, pageId).stream().map(WikiApiController::commentJson)
                .toList(), null);
    }

    @PostMapping("/pages/{pageId}/comments")
    @Operation(summary = "Comment on the page (members of the space)")
    ResponseEntity<CommentJson> comment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                        @PathVariable long pageId, @RequestBody NewComment body) {
        WikiComment c = extras.comment(viewer, spaceId, pageId, body.text());
        return ResponseEntity.created(URI.create("/api/v1/spaces/" + spaceId + "/wiki/pages/" + pageId
                + "/comments/" + c.id())).body(commentJson(c));
    }

    @DeleteMapping("/pages/{pageId}/comments/{commentId}")
    @Operation(summary = "Delete a comment (its author or the space's moderators)")
    ResponseEntity<Void> deleteComment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                       @PathVariable long pageId, @PathVariable long commentId) {
        extras.deleteComment(viewer, spaceId, pageId, commentId);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/pages/{pageId}/watch")
    @Operation(summary = "Watch the page: a notification on every change by someone else")
    ResponseEntity<Void> watch(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                               @PathVariable long pageId) {
        extras.watch(viewer, spaceId, pageId, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/pages/{pageId}/watch")
    @Operation(summary = "Stop watching the page")
    ResponseEntity<Void> unwatch(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                 @PathVariable long pageId) {
        extras.watch(viewer, spaceId, pageId, false);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/pages/{pageId}/export")
    @Operation(summary = "The page (tree=true: with its subpages) as Markdown files in a zip")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                  @PathVariable long pageId, @RequestParam(defaultValue = "false") boolean tree) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("wiki-" + pageId + (tree ? "-tree" : "") + ".zip").build().toString())
                .body(export.zip(viewer, spaceId, pageId, tree));
    }

    // templates

    @GetMapping("/templates")
    @Operation(summary = "Page templates: the built-in ones (in the caller's language) and the space's own")
    ListJson<TemplateJson> templates(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                     HttpServletRequest req) {
        Locale locale = locales.resolveLocale(req);
        return new ListJson<>(extras.templates(viewer, spaceId, locale).stream()
                .map(t -> new TemplateJson(t.id() == null ? null : str(t.id()), t.key(), t.name(), t.body())).toList(),
                null);
    }

    @PostMapping("/templates")
    @Operation(summary = "Add a page template to the space (owners, moderators, administrators)")
    ResponseEntity<TemplateJson> addTemplate(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                             @RequestBody NewTemplate body) {
        PageTemplate t = extras.addTemplate(viewer, spaceId, body.name(), body.text());
        return ResponseEntity.created(URI.create("/api/v1/spaces/" + spaceId + "/wiki/templates/" + t.id()))
                .body(new TemplateJson(str(t.id()), null, t.name(), t.body()));
    }

    @DeleteMapping("/templates/{templateId}")
    @Operation(summary = "Delete one of the space's templates (owners, moderators, administrators)")
    ResponseEntity<Void> deleteTemplate(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                        @PathVariable long templateId) {
        extras.deleteTemplate(viewer, spaceId, templateId);
        return ResponseEntity.noContent().build();
    }

    // helpers

    /**
     * The revision an edit is based on: the entity tag in {@code If-Match} ({@code "12"}, {@code W/"12"}), or the
     * current one for {@code *}; 428 when missing, 412 when unreadable.
     */
    static long base(String ifMatch, WikiPage current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new WikiProblem(428, "wiki.error.ifMatchRequired");
        }
        String tag = ifMatch.strip();
        if (tag.equals("*")) {
            return current.revisionId();
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new EditConflict(current);
        }
    }

    private PageJson json(KontorUser viewer, WikiPage p) {
        return new PageJson(str(p.id()), str(p.spaceId()), str(p.parentId()), p.title(), p.body(),
                wiki.render(p, p.body()).html(), wiki.labels(p), p.restricted(), p.position(), str(p.revisionId()),
                str(p.createdBy()), p.createdAt().toString(), str(p.updatedBy()), p.updatedAt().toString(),
                wiki.access(viewer, p).edit(), p.url());
    }

    private static AttachmentJson attachmentJson(long spaceId, Attachment a) {
        return new AttachmentJson(str(a.id()), a.name(), a.contentType(), a.size(), str(a.uploadedBy()),
                a.createdAt().toString(), "/api/v1/spaces/" + spaceId + "/wiki/pages/" + a.pageId() + "/attachments/"
                + a.encodedName());
    }

    private static CommentJson commentJson(WikiComment c) {
        return new CommentJson(str(c.id()), str(c.authorId()), c.body(),
                Markdown.toSafeHtml(c.body()), c.createdAt().toString());
    }

    private static String apiUrl(WikiPage p) {
        return "/api/v1/spaces/" + p.spaceId() + "/wiki/pages/" + p.id();
    }

    private static String labels(List<String> labels) {
        return labels == null ? null : String.join(",", labels);
    }

    static String str(Long id) {
        return id == null ? null : Long.toString(id);
    }

    private static Long optionalId(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(field, "wiki.error.noParent");
        }
    }
}
