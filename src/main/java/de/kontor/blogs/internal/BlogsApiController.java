package de.kontor.blogs.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.Page;
import de.kontor.shared.web.ApiPaging;

/** Blogs: latest articles, a person's and a space's blog, writing, publishing, scheduling, the cover image. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Blogs", description = "A blog per person and per space; articles as drafts, scheduled or published "
        + "(announced in the stream, whose post carries comments and reactions)")
class BlogsApiController {

    record ArticleInJson(String spaceId, String title, String teaser, String text, List<String> tags, String state,
                         String publishAt) {
    }

    record ArticleJson(String id, String spaceId, String authorId, String authorName, String title, String teaser,
                       String text, String html, List<String> tags, String state, String publishAt,
                       String publishedAt, String postId, String coverUrl, String url, String updatedAt) {
        static ArticleJson of(Article a, UserSummary author) {
            return new ArticleJson(Long.toString(a.id()), str(a.spaceId()), Long.toString(a.authorId()),
                    author == null ? null : author.displayName(), a.title(), a.teaser(), a.body(), a.bodyHtml(),
                    a.tags(), a.state().name(), a.publishAt() == null ? null : a.publishAt().toString(),
                    a.publishedAt() == null ? null : a.publishedAt().toString(), str(a.postId()),
                    a.hasCover() ? "/articles/" + a.id() + "/cover" : null, "/articles/" + a.id(),
                    a.updatedAt().toString());
        }
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    private final BlogService blogs;

    BlogsApiController(BlogService blogs) {
        this.blogs = blogs;
    }

    @GetMapping("/articles")
    @Operation(summary = "Every published article the caller may read, newest first (space blogs of readable spaces; "
            + "person blogs for members and administrators)")
    ResponseEntity<ListJson<ArticleJson>> latest(@AuthenticationPrincipal KontorUser viewer,
                                                 @RequestParam(required = false) Integer limit,
                                                 @RequestParam(required = false) String cursor) {
        return list(blogs.latest(viewer, cursor, limit));
    }

    @GetMapping("/blogs/people/{id}")
    @Operation(summary = "Published articles of a person's blog (members and administrators; 404 for guests)")
    ResponseEntity<ListJson<ArticleJson>> person(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                                 @RequestParam(required = false) Integer limit,
                                                 @RequestParam(required = false) String cursor) {
        return list(blogs.personBlog(viewer, id, cursor, limit));
    }

    @GetMapping("/blogs/spaces/{id}")
    @Operation(summary = "Published articles of a space's blog (readers of the space)")
    ResponseEntity<ListJson<ArticleJson>> space(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                                @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) String cursor) {
        return list(blogs.spaceBlog(viewer, id, cursor, limit));
    }

    @GetMapping("/articles/drafts")
    @Operation(summary = "The caller's drafts and scheduled articles in their own blog, or in a space's blog (all of "
            + "them for its moderators)")
    ListJson<ArticleJson> drafts(@AuthenticationPrincipal KontorUser viewer,
                                 @RequestParam(required = false) String spaceId) {
        List<Article> list = blogs.unpublished(viewer, ArticleForm.number("spaceId", spaceId));
        Map<Long, UserSummary> authors = blogs.authors(list);
        return new ListJson<>(list.stream().map(a -> ArticleJson.of(a, authors.get(a.authorId()))).toList(), null);
    }

    private ResponseEntity<ListJson<ArticleJson>> list(Page<Article> page) {
        Map<Long, UserSummary> authors = blogs.authors(page.items());
        return ApiPaging.ok(page.nextCursor()).body(new ListJson<>(
                page.items().stream().map(a -> ArticleJson.of(a, authors.get(a.authorId()))).toList(),
                page.nextCursor()));
    }

    @PostMapping("/articles")
    @Operation(summary = "Write an article in a space's blog (spaceId) or the caller's own blog; state DRAFT "
            + "(default), PUBLISHED (now, announced in the stream) or SCHEDULED (publishAt, ISO-8601, in the future)")
    ResponseEntity<ArticleJson> create(@AuthenticationPrincipal KontorUser viewer, @RequestBody ArticleInJson body) {
        Article a = blogs.create(viewer, ArticleForm.number("spaceId", body.spaceId()), draft(body));
        return ResponseEntity.created(URI.create("/api/v1/articles/" + a.id())).body(get(viewer, a.id()));
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "An article (drafts and scheduled ones only for their author and the space's moderators)")
    ArticleJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        ArticleView v = blogs.get(viewer, id);
        return ArticleJson.of(v.article(), v.author());
    }

    @PatchMapping("/articles/{id}")
    @Operation(summary = "Edit an article (its author or a moderator of the space); fields left out stay as they "
            + "are; state as for creating; a published article stays published")
    ArticleJson update(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                       @RequestBody ArticleInJson body) {
        Article a = blogs.editable(viewer, id);
        // PATCH: what the body leaves out stays as it is
        ArticleInJson merged = new ArticleInJson(null, body.title() != null ? body.title() : a.title(),
                body.teaser() != null ? body.teaser() : a.teaser(), body.text() != null ? body.text() : a.body(),
                body.tags() != null ? body.tags() : a.tags(), body.state() != null ? body.state() : a.state().name(),
                body.publishAt() != null ? body.publishAt() : a.publishAt() == null ? null : a.publishAt().toString());
        blogs.update(viewer, id, draft(merged));
        return get(viewer, id);
    }

    @DeleteMapping("/articles/{id}")
    @Operation(summary = "Delete an article (its author or a moderator of the space)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        blogs.delete(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/articles/{id}/cover", consumes = "*/*")
    @Operation(summary = "Replace the cover image: the request body is the image (PNG, JPEG, GIF or WebP, detected "
            + "from the bytes; 422 otherwise or when empty, 413 above kontor.blogs.cover-max-size)")
    ArticleJson cover(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                      @RequestBody(required = false) byte[] image,
                      @RequestHeader(name = "X-Filename", required = false) String filename) {
        blogs.setCover(viewer, id, filename, image);
        return get(viewer, id);
    }

    private static BlogService.Draft draft(ArticleInJson body) {
        return new BlogService.Draft(body.title(), body.teaser(), body.text(), body.tags(),
                ArticleForm.action(body.state()), ArticleForm.iso(body.publishAt()));
    }

    private static String str(Long id) {
        return id == null ? null : Long.toString(id);
    }
}
