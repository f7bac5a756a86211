package de.kontor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** Posts, comments, reactions, mentions, hashtags, bad input, idempotency and the rate limit, end to end. */
class PostFlowsIT extends AbstractIT {

    private static String post(Long spaceId, String body) {
        return "{" + (spaceId == null ? "" : "\"spaceId\":\"" + spaceId + "\",") + "\"body\":" + quote(body) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private long create(ApiClient api, Long spaceId, String body) {
        Http r = api.post("/api/v1/posts", post(spaceId, body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return Long.parseLong(r.json().get("id").asText());
    }

    @Test
    void createEditRevisionsDeleteAndPin() {
        TestUser owner = data.member();
        TestUser moderator = data.member();
        TestUser member = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        data.addMember(space, moderator, "MODERATOR");
        data.addMember(space, member, "MEMBER");

        Http created = api(member).post("/api/v1/posts", post(space.id(), "Hello **team** #Release"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.location()).endsWith("/api/v1/posts/" + id);
        assertThat(created.json().get("bodyHtml").asText())
                .contains("<strong>team</strong>").contains("href=\"/tags/release\"");
        assertThat(created.json().get("edited").asBoolean()).isFalse();

        // edit: author only; others who can read get 403, others 404
        assertThat(api(owner).patch("/api/v1/posts/" + id, "{\"body\":\"x\"}").status()).isEqualTo(403);
        assertThat(api(outsider).patch("/api/v1/posts/" + id, "{\"body\":\"x\"}").status()).isEqualTo(404);
        Http edited = api(member).patch("/api/v1/posts/" + id, "{\"body\":\"Hello team, v2\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("edited").asBoolean()).isTrue();
        JsonNode revisions = api(owner).get("/api/v1/posts/" + id + "/revisions").json().get("items");
        assertThat(revisions).hasSize(1);
        assertThat(revisions.get(0).get("body").asText()).isEqualTo("Hello **team** #Release");
        assertThat(api(outsider).get("/api/v1/posts/" + id + "/revisions").status()).isEqualTo(404);
        // the tag moved with the edit
        assertThat(api(member).get("/api/v1/streams/tags/release").json().get("items")).isEmpty();

        // pin: moderators only; pinned posts come first on the space stream
        long later = create(api(owner), space.id(), "A newer post");
        assertThat(api(member).post("/api/v1/posts/" + id + "/pin", null).status()).isEqualTo(403);
        assertThat(api(moderator).post("/api/v1/posts/" + id + "/pin", null).status()).isEqualTo(204);
        JsonNode stream = api(member).get("/api/v1/streams/spaces/" + space.id()).json();
        assertThat(stream.get("pinned").get(0).get("id").asText()).isEqualTo(id);
        assertThat(stream.get("items").get(0).get("id").asText()).isEqualTo(Long.toString(later));
        assertThat(api(moderator).delete("/api/v1/posts/" + id + "/pin").status()).isEqualTo(204);

        // delete: not by a plain member; by the moderator; soft, audited, then 404
        assertThat(api(owner).delete("/api/v1/posts/" + later).status()).isEqualTo(204);
        assertThat(api(member).delete("/api/v1/posts/" + later).status()).isEqualTo(404);
        long other = create(api(owner), space.id(), "Owner's words");
        assertThat(api(member).delete("/api/v1/posts/" + other).status()).isEqualTo(403);
        assertThat(api(moderator).delete("/api/v1/posts/" + other).status()).isEqualTo(204);
        assertThat(api(member).get("/api/v1/posts/" + other).status()).isEqualTo(404);
        assertThat(data.jdbc().sql("select deleted_by from posts where id = :id").param("id", other)
                .query(Long.class).single()).isEqualTo(moderator.id());
        assertThat(data.jdbc().sql("select count(*) from audit_log where action = 'post.deleted' and target = :t")
                .param("t", "post:" + other).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void commentsRepliesAndReactions() {
        TestUser owner = data.member();
        TestUser member = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        data.addMember(space, member, "MEMBER");
        long id = create(api(owner), space.id(), "Lunch?");

        Http c = api(member).post("/api/v1/posts/" + id + "/comments", "{\"body\":\"Yes!\"}");
        assertThat(c.status()).isEqualTo(201);
        String commentId = c.json().get("id").asText();
        Http reply = api(owner).post("/api/v1/posts/" + id + "/comments",
                "{\"parentId\":\"" + commentId + "\",\"body\":\"Great\"}");
        assertThat(reply.status()).isEqualTo(201);
        // only one level of replies
        assertThat(api(owner).post("/api/v1/posts/" + id + "/comments",
                "{\"parentId\":\"" + reply.json().get("id").asText() + "\",\"body\":\"deeper\"}").status())
                .isEqualTo(422);
        JsonNode thread = api(owner).get("/api/v1/posts/" + id + "/comments").json().get("items");
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).get("replies").get(0).get("body").asText()).isEqualTo("Great");
        assertThat(api(owner).get("/api/v1/posts/" + id).json().get("commentCount").asInt()).isEqualTo(2);
        // edit and delete own comment only
        assertThat(api(owner).patch("/api/v1/comments/" + commentId, "{\"body\":\"no\"}").status()).isEqualTo(403);
        assertThat(api(member).patch("/api/v1/comments/" + commentId, "{\"body\":\"Yes, 12:30\"}").status())
                .isEqualTo(200);
        // deleting a comment takes its replies along
        Http other = api(owner).post("/api/v1/posts/" + id + "/comments", "{\"body\":\"Another\"}");
        api(member).post("/api/v1/posts/" + id + "/comments",
                "{\"parentId\":\"" + other.json().get("id").asText() + "\",\"body\":\"Reply\"}");
        assertThat(api(owner).get("/api/v1/posts/" + id).json().get("commentCount").asInt()).isEqualTo(4);
        assertThat(api(owner).delete("/api/v1/comments/" + other.json().get("id").asText()).status()).isEqualTo(204);
        assertThat(api(owner).get("/api/v1/posts/" + id).json().get("commentCount").asInt()).isEqualTo(2);
        assertThat(api(owner).get("/api/v1/posts/" + id + "/comments").json().get("items")).hasSize(1);
        // the commenter follows the conversation now
        assertThat(api(member).get("/api/v1/follows/post/" + id).json().get("following").asBoolean()).isTrue();

        // reactions: toggle on/off, idempotent, who reacted, unknown one 422
        assertThat(api(member).put("/api/v1/posts/" + id + "/reactions/heart", null).status()).isEqualTo(204);
        assertThat(api(member).put("/api/v1/posts/" + id + "/reactions/heart", null).status()).isEqualTo(204);
        assertThat(api(owner).put("/api/v1/posts/" + id + "/reactions/heart", null).status()).isEqualTo(204);
        JsonNode who = api(owner).get("/api/v1/posts/" + id + "/reactions/heart").json();
        assertThat(who.get("people")).hasSize(2);
        assertThat(who.get("people").get(0).get("displayName").asText()).isEqualTo(member.displayName());
        assertThat(api(owner).get("/api/v1/posts/" + id).json().get("reactions").get(1).get("count").asInt())
                .isEqualTo(2);
        assertThat(api(member).delete("/api/v1/posts/" + id + "/reactions/heart").status()).isEqualTo(204);
        assertThat(api(owner).get("/api/v1/posts/" + id + "/reactions").json().get("items").get(0)
                .get("people")).hasSize(1);
        Http unknown = api(member).put("/api/v1/posts/" + id + "/reactions/poop", null);
        assertThat(unknown.status()).isEqualTo(422);

        // the HTML toggle
        WebSession web = login(member);
        assertThat(web.post("/posts/" + id + "/reactions/tada", Map.of()).status()).isEqualTo(302);
        assertThat(api(owner).get("/api/v1/posts/" + id + "/reactions/tada").json().get("people")).hasSize(1);
        assertThat(web.post("/posts/" + id + "/reactions/tada", Map.of()).status()).isEqualTo(302);
        assertThat(api(owner).get("/api/v1/posts/" + id + "/reactions/tada").json().get("people")).isEmpty();
    }

    @Test
    void mentionsOnlyReachReadersAndTheAuthorIsTold() {
        TestUser owner = data.member();
        TestUser member = data.member();
        TestUser outsider = data.member();
        TestSpace secret = data.space("SECRET", owner);
        data.addMember(secret, member, "MEMBER");
        String body = "Hi @[" + member.displayName() + "](user:" + member.id() + ") and @[" + outsider.displayName()
                + "](user:" + outsider.id() + ")";
        Http r = api(owner).post("/api/v1/posts", post(secret.id(), body));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("warnings")).hasSize(1);
        assertThat(r.json().get("warnings").get(0).asText())
                .isEqualTo(outsider.displayName() + " cannot see this post and was not notified.");
        assertThat(r.json().get("bodyHtml").asText()).contains("href=\"/people/" + member.id() + "\"")
                .contains("&#64;" + member.displayName());
        long id = Long.parseLong(r.json().get("id").asText());
        assertThat(data.jdbc().sql("select user_id from mentions where post_id = :p").param("p", id)
                .query(Long.class).list()).containsExactly(member.id());
        // the mentioned reader finds it on the home stream; the outsider nowhere
        assertThat(api(member).get("/api/v1/streams/home").body()).contains("\"id\":\"" + id + "\"");
        assertThat(api(outsider).get("/api/v1/streams/home").body()).doesNotContain("\"id\":\"" + id + "\"");
        assertThat(api(outsider).get("/api/v1/posts/" + id).status()).isEqualTo(404);

        // the HTML form shows the hint as a flash
        WebSession web = login(owner);
        Http form = web.post("/posts", Map.of("spaceId", Long.toString(secret.id()), "body", body));
        assertThat(form.status()).isEqualTo(302);
        assertThat(web.get(java.net.URI.create(form.location()).getPath()).body()).contains(outsider.displayName() + " cannot see this post");
    }

    @Test
    void hashtagsTagStreamAndTrendingCountOnlyVisiblePosts() {
        TestUser owner = data.member();
        TestUser reader = data.member();
        TestSpace open = data.space("PUBLIC", owner);
        TestSpace secret = data.space("SECRET", owner);
        String tag = "tag" + System.nanoTime();
        create(api(owner), open.id(), "First #" + tag);
        create(api(owner), open.id(), "Second #" + tag.toUpperCase() + " `#notatag`");
        create(api(owner), secret.id(), "Hidden #" + tag);
        JsonNode items = api(reader).get("/api/v1/streams/tags/" + tag).json().get("items");
        assertThat(items).hasSize(2);
        assertThat(api(owner).get("/api/v1/streams/tags/" + tag).json().get("items")).hasSize(3);
        assertThat(trending(api(reader), tag)).isEqualTo(2);
        assertThat(trending(api(owner), tag)).isEqualTo(3);
        assertThat(login(reader).get("/tags/" + tag).body()).contains("First").doesNotContain("Hidden");
    }

    private static int trending(ApiClient api, String tag) {
        for (JsonNode t : api.get("/api/v1/tags/trending").json().get("items")) {
            if (t.get("tag").asText().equals(tag)) {
                return t.get("count").asInt();
            }
        }
        return 0;
    }

    @Test
    void badInput() {
        TestUser owner = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        ApiClient api = api(owner);
        assertThat(api.post("/api/v1/posts", post(space.id(), "   \n ")).status()).isEqualTo(422);
        Http tooLong = api.post("/api/v1/posts", post(space.id(), "x".repeat(20_001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("20,000");
        assertThat(api.post("/api/v1/posts", post(space.id(), "x".repeat(20_000))).status()).isEqualTo(201);
        long id = create(api, space.id(), "private words");
        assertThat(api(outsider).put("/api/v1/posts/" + id + "/reactions/heart", null).status()).isEqualTo(404);
        assertThat(api(outsider).post("/api/v1/posts/" + id + "/comments", "{\"body\":\"hi\"}").status())
                .isEqualTo(404);
        assertThat(api.put("/api/v1/posts/" + id + "/reactions/nope", null).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/posts/" + id + "/comments", "{\"body\":\" \"}").status()).isEqualTo(422);
        assertThat(api(data.guest()).post("/api/v1/posts", post(null, "profile?")).status()).isEqualTo(403);
        // nothing half-saved: a failed post leaves no row
        assertThat(data.jdbc().sql("select count(*) from posts where author_id = :a").param("a", owner.id())
                .query(Integer.class).single()).isEqualTo(2);
        // HTML: 422 with the message beside the field and the text kept
        Http form = login(owner).post("/posts", Map.of("spaceId", Long.toString(space.id()), "body", " "));
        assertThat(form.status()).isEqualTo(422);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        ApiClient api = api(owner);
        String key = "k-" + System.nanoTime();
        Http first = api.send("POST", "/api/v1/posts", post(space.id(), "Once"), "Idempotency-Key", key);
        Http again = api.send("POST", "/api/v1/posts", post(space.id(), "Once"), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(api.send("POST", "/api/v1/posts", post(space.id(), "Other"), "Idempotency-Key", key).status())
                .isEqualTo(422);
        assertThat(data.jdbc().sql("select count(*) from posts where author_id = :a").param("a", owner.id())
                .query(Integer.class).single()).isEqualTo(1);
        String postId = first.json().get("id").asText();
        Http c1 = api.send("POST", "/api/v1/posts/" + postId + "/comments", "{\"body\":\"c\"}", "Idempotency-Key", key);
        Http c2 = api.send("POST", "/api/v1/posts/" + postId + "/comments", "{\"body\":\"c\"}", "Idempotency-Key", key);
        // the same key on another endpoint is another request: 422
        assertThat(c1.status()).isEqualTo(422);
        String key2 = key + "c";
        c1 = api.send("POST", "/api/v1/posts/" + postId + "/comments", "{\"body\":\"c\"}", "Idempotency-Key", key2);
        c2 = api.send("POST", "/api/v1/posts/" + postId + "/comments", "{\"body\":\"c\"}", "Idempotency-Key", key2);
        assertThat(c1.status()).isEqualTo(201);
        assertThat(c2.json().get("id").asText()).isEqualTo(c1.json().get("id").asText());
        // another person may use the same key
        assertThat(api(data.member()).send("POST", "/api/v1/posts", post(null, "Mine"), "Idempotency-Key", key)
                .status()).isEqualTo(201);
    }

    @Test
    void rapidPostingIsRateLimited() {
        TestUser owner = data.member();
        TestSpace space = data.space("PUBLIC", owner);
        ApiClient api = api(owner);
        long first = create(api, space.id(), "post 0");
        for (int i = 1; i < 10; i++) {
            assertThat(api.post("/api/v1/posts", post(space.id(), "post " + i)).status()).isEqualTo(201);
        }
        Http limited = api.post("/api/v1/posts", post(space.id(), "one too many"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 10);
        // comments count towards the same limit; reactions do not
        assertThat(api.post("/api/v1/posts/" + first + "/comments", "{\"body\":\"x\"}").status()).isEqualTo(429);
        assertThat(api.put("/api/v1/posts/" + first + "/reactions/eyes", null).status()).isEqualTo(204);
        assertThat(data.jdbc().sql("select count(*) from posts where author_id = :a").param("a", owner.id())
                .query(Integer.class).single()).isEqualTo(10);
        assertThat(login(owner).post("/posts", Map.of("spaceId", Long.toString(space.id()), "body", "more"))
                .status()).isEqualTo(429);
    }

    @Test
    void pagesPreviewEditRevisionsCommentsAndLoadMore() {
        TestUser owner = data.member();
        TestUser member = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        data.addMember(space, member, "MEMBER");
        WebSession web = login(owner);

        // preview without JavaScript: the whole form comes back with the rendered text and the text kept
        Http preview = web.post("/posts/preview", Map.of("spaceId", Long.toString(space.id()), "body", "**bold** #idea",
                "back", "/spaces/" + space.id() + "/posts"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("<strong>bold</strong>").contains("href=\"/tags/idea\"")
                .contains(">**bold** #idea</textarea>");

        Http posted = web.post("/posts", Map.of("spaceId", Long.toString(space.id()), "body", "First *draft*",
                "back", "/spaces/" + space.id() + "/posts"));
        assertThat(posted.location()).endsWith("/spaces/" + space.id() + "/posts");
        String stream = web.get("/spaces/" + space.id() + "/posts").body();
        assertThat(stream).contains("Your post was published.").contains("<em>draft</em>")
                .contains("<time datetime=\"");
        long id = data.jdbc().sql("select max(id) from posts where author_id = :a").param("a", owner.id())
                .query(Long.class).single();

        assertThat(web.get("/posts/" + id + "/edit").body()).contains("First *draft*");
        assertThat(web.post("/posts/" + id + "/edit", Map.of("body", " ")).status()).isEqualTo(422);
        assertThat(web.post("/posts/" + id + "/edit", Map.of("body", "Final text")).status()).isEqualTo(302);
        WebSession reader = login(member);
        String single = reader.get("/posts/" + id).body();
        assertThat(single).contains("Final text").contains(">edited</a>");
        assertThat(reader.get("/posts/" + id + "/revisions").body()).contains("<em>draft</em>");

        // comments and a reply through the forms, shown on the post page
        assertThat(reader.post("/posts/" + id + "/comments", Map.of("body", "Looks good")).status()).isEqualTo(302);
        long comment = data.jdbc().sql("select max(id) from comments where post_id = :p").param("p", id)
                .query(Long.class).single();
        assertThat(web.post("/posts/" + id + "/comments", Map.of("body", "Thanks", "parentId", Long.toString(comment)))
                .status()).isEqualTo(302);
        assertThat(reader.post("/posts/" + id + "/comments", Map.of("body", "")).status()).isEqualTo(422);
        String thread = reader.get("/posts/" + id).body();
        assertThat(thread).contains("Looks good").contains("comment comment-reply").contains("Thanks")
                .contains("2 comments");

        // load more: 25 posts, 20 on the first page, the rest behind the cursor link
        for (int i = 0; i < 25; i++) {
            data.jdbc().sql("insert into posts (space_id, author_id, body, body_html) values (:s, :a, :b, :b)")
                    .param("s", space.id()).param("a", member.id()).param("b", "bulk " + i).update();
        }
        String page1 = reader.get("/spaces/" + space.id() + "/posts").body();
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("href=\"(/spaces/\\d+/posts\\?cursor=[^\"]+)\"")
                .matcher(page1);
        assertThat(more.find()).isTrue();
        String page2 = reader.get(more.group(1)).body();
        assertThat(page2).contains("Final text").doesNotContain("Load more");

        // the API is documented
        assertThat(anonymous().get("/api/v1/openapi.json").body()).contains("/api/v1/streams/home")
                .contains("/api/v1/posts/{id}/reactions/{reaction}").contains("/api/v1/follows/{type}/{key}");

        // German
        assertThat(login(member).language("de").get("/").body()).contains("Posten").contains("Im Trend diese Woche");
    }
}
