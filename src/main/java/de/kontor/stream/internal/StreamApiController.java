package de.kontor.stream.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.LocaleResolver;

import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.ApiPaging;
import de.kontor.stream.internal.PostViews.CommentView;
import de.kontor.stream.internal.PostViews.PostView;
import de.kontor.stream.internal.StreamService.StreamPage;

/** {@code /api/v1}: posts, comments, reactions, streams, follows and mutes, with the same rules as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Stream", description = "Posts, comments, reactions, streams, follows")
class StreamApiController {

    record AuthorJson(String id, String displayName, String unit, boolean guest) {
        static AuthorJson of(PostViews.Author a) {
            return new AuthorJson(Long.toString(a.id()), a.name(), a.unit(), a.guest());
        }
    }

    record ReactionJson(String reaction, String emoji, int count, boolean mine, List<String> names) {
    }

    record CommentJson(String id, String postId, String parentId, AuthorJson author, String body, String bodyHtml,
                       String createdAt, String editedAt, List<CommentJson> replies, List<String> warnings) {
        static CommentJson of(CommentView v) {
            Comment c = v.comment();
            return new CommentJson(Long.toString(c.id()), Long.toString(c.postId()),
                    c.parentId() == null ? null : Long.toString(c.parentId()), AuthorJson.of(v.author()), c.body(),
                    c.bodyHtml(), c.createdAt().toString(), c.editedAt() == null ? null : c.editedAt().toString(),
                    v.replies().stream().map(CommentJson::of).toList(), List.of());
        }
    }

    record PostJson(String id, String spaceId, String spaceName, AuthorJson author, String body, String bodyHtml,
                    String createdAt, String editedAt, boolean edited, String pinnedAt, int commentCount,
                    List<ReactionJson> reactions, boolean following, List<String> warnings) {
        static PostJson of(PostView v, List<String> warnings) {
            Post p = v.post();
            return new PostJson(Long.toString(p.id()), p.spaceId() == null ? null : Long.toString(p.spaceId()),
                    v.space() == null ? null : v.space().name(), AuthorJson.of(v.author()), p.body(), p.bodyHtml(),
                    p.createdAt().toString(), p.editedAt() == null ? null : p.editedAt().toString(),
                    p.editedAt() != null, p.pinnedAt() == null ? null : p.pinnedAt().toString(), p.commentCount(),
                    v.reactions().stream().map(r -> new ReactionJson(r.code(), r.emoji(), r.count(), r.mine(),
                            r.names())).toList(), v.following(), warnings);
        }
    }

    record RevisionJson(String id, String body, String bodyHtml, String writtenAt, String replacedAt) {
    }

    record StreamJson(List<PostJson> pinned, List<PostJson> items, String nextCursor) {
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    record NewPost(String spaceId, String body) {
    }

    record PostPatch(String body) {
    }

    record NewComment(String parentId, String body) {
    }

    record FollowJson(String type, String key, boolean following) {
    }

    record TagJson(String tag, int count) {
    }

    record WhoJson(String reaction, List<AuthorJson> people) {
    }

    private final PostService posts;
    private final StreamService streams;
    private final FollowService follows;
    private final PostViews views;
    private final Idempotency idempotency;
    private final MessageSource messages;
    private final LocaleResolver locales;

    StreamApiController(PostService posts, StreamService streams, FollowService follows, PostViews views,
                        Idempotency idempotency, MessageSource messages, LocaleResolver locales) {
        this.posts = posts;
        this.streams = streams;
        this.follows = follows;
        this.views = views;
        this.idempotency = idempotency;
        this.messages = messages;
        this.locales = locales;
    }

    // posts

    @PostMapping("/posts")
    @Operation(summary = "Write a post in a space (spaceId) or on the own profile (no spaceId); honours "
            + "Idempotency-Key. 'warnings' names mentioned people who cannot read the post (not notified).")
    ResponseEntity<?> create(@AuthenticationPrincipal KontorUser viewer,
                             @RequestHeader(value = "Idempotency-Key", required = false) String key,
                             @RequestBody NewPost body, HttpServletRequest req) {
        return idempotency.run(viewer, key, "POST /posts " + body, () -> {
            PostService.Written<Post> w = posts.create(viewer, optionalId("spaceId", body.spaceId()), body.body());
            PostJson json = PostJson.of(view(viewer, w.value()), warnings(w, req));
            return ResponseEntity.created(URI.create("/api/v1/posts/" + w.value().id())).body(json);
        });
    }

    @GetMapping("/posts")
    @Operation(summary = "Posts of a space (spaceId), a person (authorId) or a tag (tag); without filter the home "
            + "stream")
    ResponseEntity<StreamJson> list(@AuthenticationPrincipal KontorUser viewer,
                                    @RequestParam(required = false) Long spaceId,
                                    @RequestParam(required = false) Long authorId,
                                    @RequestParam(required = false) String tag,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor) {
        StreamPage page = spaceId != null ? streams.space(viewer, spaceId, cursor, limit)
                : authorId != null ? streams.person(viewer, authorId, cursor, limit)
                : tag != null ? streams.tag(viewer, tag, cursor, limit)
                : streams.home(viewer, cursor, limit, false);
        return stream(page);
    }

    @GetMapping("/posts/{id}")
    @Operation(summary = "One post with all comments (404 when the caller may not read it); marks it read")
    PostJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return PostJson.of(views.views(viewer, List.of(posts.open(viewer, id)), true).getFirst(), List.of());
    }

    @PatchMapping("/posts/{id}")
    @Operation(summary = "Edit the text (author only: 403 for other readers); the previous text becomes a revision")
    PostJson edit(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @RequestBody PostPatch body,
                  HttpServletRequest req) {
        PostService.Written<Post> w = posts.edit(viewer, id, body.body());
        return PostJson.of(view(viewer, w.value()), warnings(w, req));
    }

    @DeleteMapping("/posts/{id}")
    @Operation(summary = "Delete (author, space moderator, administrator); the record is kept for the audit log")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        posts.delete(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/posts/{id}/revisions")
    @Operation(summary = "Earlier texts of a post, newest first (readers of the post)")
    ListJson<RevisionJson> revisions(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return new ListJson<>(posts.revisions(viewer, id).stream().map(r -> new RevisionJson(Long.toString(r.id()),
                r.body(), r.bodyHtml(), r.createdAt().toString(), r.replacedAt().toString())).toList(), null);
    }

    @PostMapping("/posts/{id}/pin")
    @Operation(summary = "Pin to the top of the space stream (space moderators)")
    ResponseEntity<Void> pin(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        posts.pin(viewer, id, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/posts/{id}/pin")
    @Operation(summary = "Unpin (space moderators)")
    ResponseEntity<Void> unpin(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        posts.pin(viewer, id, false);
        return ResponseEntity.noContent().build();
    }

    // comments

    @GetMapping("/posts/{id}/comments")
    @Operation(summary = "All comments of a post, replies nested under their comment")
    ListJson<CommentJson> comments(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        PostView v = views.views(viewer, List.of(posts.readable(viewer, id)), true).getFirst();
        return new ListJson<>(v.comments().stream().map(CommentJson::of).toList(), null);
    }

    @PostMapping("/posts/{id}/comments")
    @Operation(summary = "Comment, or reply to a top-level comment (parentId); honours Idempotency-Key")
    ResponseEntity<?> comment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                              @RequestHeader(value = "Idempotency-Key", required = false) String key,
                              @RequestBody NewComment body, HttpServletRequest req) {
        return idempotency.run(viewer, key, "POST /posts/" + id + "/comments " + body, () -> {
            PostService.Written<Comment> w = posts.comment(viewer, id, optionalId("parentId", body.parentId()),
                    body.body());
            return ResponseEntity.created(URI.create("/api/v1/comments/" + w.value().id()))
                    .body(commentJson(viewer, w, req));
        });
    }

    @PatchMapping("/comments/{id}")
    @Operation(summary = "Edit an own comment")
    CommentJson editComment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                            @RequestBody PostPatch body, HttpServletRequest req) {
        return commentJson(viewer, posts.editComment(viewer, id, body.body()), req);
    }

    @DeleteMapping("/comments/{id}")
    @Operation(summary = "Delete an own comment (space moderators and administrators: any)")
    ResponseEntity<Void> deleteComment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        posts.deleteComment(viewer, id);
        return ResponseEntity.noContent().build();
    }

    // reactions

    @GetMapping("/posts/{id}/reactions")
    @Operation(summary = "Who reacted how")
    ListJson<WhoJson> reactions(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        Map<String, List<Long>> byCode = posts.reactions(viewer, id);
        Set<Long> ids = new HashSet<>();
        byCode.values().forEach(ids::addAll);
        Map<Long, UserSummary> people = views.people(ids);
        List<WhoJson> out = new ArrayList<>();
        for (Reaction r : Reaction.values()) {
            if (byCode.containsKey(r.code())) {
                out.add(new WhoJson(r.code(), byCode.get(r.code()).stream()
                        .map(u -> AuthorJson.of(PostViews.Author.of(people.get(u), u))).toList()));
            }
        }
        return new ListJson<>(out, null);
    }

    @GetMapping("/posts/{id}/reactions/{reaction}")
    @Operation(summary = "Who reacted with this reaction")
    WhoJson reaction(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                     @PathVariable String reaction) {
        Map<String, List<Long>> byCode = posts.reactions(viewer, id);
        String code = PostService.reaction(reaction).code();
        List<Long> who = byCode.getOrDefault(code, List.of());
        Map<Long, UserSummary> people = views.people(who);
        return new WhoJson(code, who.stream().map(u -> AuthorJson.of(PostViews.Author.of(people.get(u), u))).toList());
    }

    @PutMapping("/posts/{id}/reactions/{reaction}")
    @Operation(summary = "React (idempotent); one of thumbsup, heart, tada, smile, thinking, eyes")
    ResponseEntity<Void> react(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                               @PathVariable String reaction) {
        posts.react(viewer, id, reaction);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/posts/{id}/reactions/{reaction}")
    @Operation(summary = "Take a reaction back")
    ResponseEntity<Void> unreact(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                 @PathVariable String reaction) {
        posts.unreact(viewer, id, reaction);
        return ResponseEntity.noContent().build();
    }

    // streams

    @GetMapping("/streams/home")
    @Operation(summary = "My spaces, people, tags and conversations I follow, posts mentioning me; unread=true "
            + "keeps only posts of others that I have not opened, commented, reacted to or marked as read")
    ResponseEntity<StreamJson> home(@AuthenticationPrincipal KontorUser viewer,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(defaultValue = "false") boolean unread) {
        return stream(streams.home(viewer, cursor, limit, unread));
    }

    @PostMapping("/streams/home/read-all")
    @Operation(summary = "Mark all as read: every post written until now leaves the unread filter")
    ResponseEntity<Void> readAll(@AuthenticationPrincipal KontorUser viewer) {
        streams.markAllRead(viewer);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/streams/company")
    @Operation(summary = "Public spaces and profile posts")
    ResponseEntity<StreamJson> company(@AuthenticationPrincipal KontorUser viewer,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor) {
        return stream(streams.company(viewer, cursor, limit));
    }

    @GetMapping("/streams/spaces/{id}")
    @Operation(summary = "A space's posts; pinned posts on the first page")
    ResponseEntity<StreamJson> space(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        return stream(streams.space(viewer, id, cursor, limit));
    }

    @GetMapping("/streams/users/{id}")
    @Operation(summary = "A person's posts the caller may read")
    ResponseEntity<StreamJson> person(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String cursor) {
        return stream(streams.person(viewer, id, cursor, limit));
    }

    @GetMapping("/streams/tags/{tag}")
    @Operation(summary = "Posts with a hashtag that the caller may read")
    ResponseEntity<StreamJson> tag(@AuthenticationPrincipal KontorUser viewer, @PathVariable String tag,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
        return stream(streams.tag(viewer, tag, cursor, limit));
    }

    @GetMapping("/tags/trending")
    @Operation(summary = "Most used hashtags of the last seven days among posts the caller may read")
    ListJson<TagJson> trending(@AuthenticationPrincipal KontorUser viewer) {
        return new ListJson<>(streams.trending(viewer, 10).stream().map(t -> new TagJson(t.tag(), t.count()))
                .toList(), null);
    }

    // follows and mutes

    @GetMapping("/follows")
    @Operation(summary = "Everything the caller follows")
    ListJson<FollowJson> allFollows(@AuthenticationPrincipal KontorUser viewer) {
        return new ListJson<>(follows.all(viewer).stream().map(f -> new FollowJson(
                f.type().name().toLowerCase(java.util.Locale.ROOT), f.key(), true)).toList(), null);
    }

    @GetMapping("/follows/{type}/{key}")
    @Operation(summary = "Whether the caller follows a user, space, tag or post")
    FollowJson following(@AuthenticationPrincipal KontorUser viewer, @PathVariable String type,
                         @PathVariable String key) {
        FollowRepository.Type t = FollowService.type(type);
        return new FollowJson(t.name().toLowerCase(java.util.Locale.ROOT), follows.check(viewer, t, key),
                follows.follows(viewer, t, key));
    }

    @PutMapping("/follows/{type}/{key}")
    @Operation(summary = "Follow a user, space, tag or post (idempotent)")
    FollowJson follow(@AuthenticationPrincipal KontorUser viewer, @PathVariable String type,
                      @PathVariable String key) {
        FollowRepository.Type t = FollowService.type(type);
        return new FollowJson(t.name().toLowerCase(java.util.Locale.ROOT), follows.follow(viewer, t, key), true);
    }

    @DeleteMapping("/follows/{type}/{key}")
    @Operation(summary = "Unfollow")
    ResponseEntity<Void> unfollow(@AuthenticationPrincipal KontorUser viewer, @PathVariable String type,
                                  @PathVariable String key) {
        follows.unfollow(viewer, FollowService.type(type), key);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/spaces/{id}/mute")
    @Operation(summary = "Mute a space: its posts leave the home stream")
    ResponseEntity<Void> mute(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        follows.mute(viewer, id, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/spaces/{id}/mute")
    @Operation(summary = "Unmute a space")
    ResponseEntity<Void> unmute(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        follows.mute(viewer, id, false);
        return ResponseEntity.noContent().build();
    }

    // helpers

    private PostView view(KontorUser viewer, Post p) {
        return views.views(viewer, List.of(p), true).getFirst();
    }

    private CommentJson commentJson(KontorUser viewer, PostService.Written<Comment> w, HttpServletRequest req) {
        Comment c = w.value();
        PostViews.Author author = PostViews.Author.of(views.people(List.of(c.authorId())).get(c.authorId()),
                c.authorId());
        return new CommentJson(Long.toString(c.id()), Long.toString(c.postId()),
                c.parentId() == null ? null : Long.toString(c.parentId()), AuthorJson.of(author), c.body(),
                c.bodyHtml(), c.createdAt().toString(), c.editedAt() == null ? null : c.editedAt().toString(),
                List.of(), warnings(w, req));
    }

    private List<String> warnings(PostService.Written<?> w, HttpServletRequest req) {
        var locale = locales.resolveLocale(req);
        return w.notNotified().stream().map(u -> messages.getMessage("stream.mention.notVisible",
                new Object[] {u.displayName()}, locale)).toList();
    }

    private static Long optionalId(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(field, "stream.error.badId");
        }
    }

    private static ResponseEntity<StreamJson> stream(StreamPage page) {
        return ApiPaging.ok(page.nextCursor()).body(new StreamJson(
                page.pinned().stream().map(v -> PostJson.of(v, List.of())).toList(),
                page.items().stream().map(v -> PostJson.of(v, List.of())).toList(), page.nextCursor()));
    }
}
