package de.kontor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** The home stream's "only unread" filter: what counts as read, "mark all as read", pagination and visibility. */
class UnreadFilterIT extends AbstractIT {

    private static final String UNREAD = "/api/v1/streams/home?unread=true";

    /** A post written straight to the table at a chosen time (the API would rate-limit bulk writing). */
    private long post(TestSpace space, TestUser author, String body, Instant at) {
        return data.jdbc().sql("""
                        insert into posts (space_id, author_id, body, body_html, created_at)
                        values (:s, :a, :b, :b, :at) returning id""")
                .param("s", space == null ? null : space.id()).param("a", author.id()).param("b", body)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    /** A post written now (by the database clock, the same clock as the "mark all as read" watermark). */
    private long postNow(TestSpace space, TestUser author, String body) {
        return data.jdbc().sql("""
                        insert into posts (space_id, author_id, body, body_html)
                        values (:s, :a, :b, :b) returning id""")
                .param("s", space.id()).param("a", author.id()).param("b", body).query(Long.class).single();
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private static List<String> all(ApiClient api, String path) {
        List<String> out = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 50; i++) {
            JsonNode page = api.get(path + (path.contains("?") ? "&" : "?") + "limit=20"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            out.addAll(ids(page));
            if (page.get("nextCursor").isNull()) {
                return out;
            }
            cursor = page.get("nextCursor").asText();
        }
        throw new AssertionError("endless stream");
    }

    private static String s(long id) {
        return Long.toString(id);
    }

    @Test
    void onlyOthersPostsNotOpenedCommentedOrReactedToAndNeverSecretOnes() {
        TestUser me = data.member();
        TestUser colleague = data.member();
        TestUser stranger = data.member();
        TestSpace team = data.space("PRIVATE", colleague);
        data.addMember(team, me, "MEMBER");
        TestSpace secret = data.space("SECRET", stranger);
        data.addMember(secret, colleague, "MEMBER");
        ApiClient api = api(me);
        // following the colleague and a tag puts the author and tag branches on the secret post's trail
        assertThat(api.put("/api/v1/follows/user/" + colleague.id(), null).status()).isIn(200, 204);
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS);
        long own = post(team, me, "my own post", t);
        long a = post(team, colleague, "post a", t.plusSeconds(1));
        long b = post(team, colleague, "post b", t.plusSeconds(2));
        long c = post(team, colleague, "post c", t.plusSeconds(3));
        long d = post(team, colleague, "post d", t.plusSeconds(4));
        long hidden = post(secret, colleague, "secret post", t.plusSeconds(5));

        assertThat(all(api, "/api/v1/streams/home")).containsExactly(s(d), s(c), s(b), s(a), s(own));
        assertThat(all(api, UNREAD)).containsExactly(s(d), s(c), s(b), s(a));

        assertThat(api.get("/api/v1/posts/" + a).status()).isEqualTo(200);
        assertThat(login(me).get("/posts/" + b).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/posts/" + c + "/comments", "{\"body\":\"seen it\"}").status()).isEqualTo(201);
        assertThat(all(api, UNREAD)).containsExactly(s(d));
        assertThat(api.put("/api/v1/posts/" + d + "/reactions/heart", null).status()).isEqualTo(204);
        assertThat(all(api, UNREAD)).isEmpty();
        assertThat(all(api, "/api/v1/streams/home")).containsExactly(s(d), s(c), s(b), s(a), s(own));

        // the secret post stays invisible: not listed, not openable, and opening it records nothing
        assertThat(api.get("/api/v1/posts/" + hidden).status()).isEqualTo(404);
        assertThat(login(me).get("/posts/" + hidden).status()).isEqualTo(404);
        assertThat(data.jdbc().sql("select count(*) from post_reads where user_id = :u and post_id = :p")
                .param("u", me.id()).param("p", hidden).query(Integer.class).single()).isZero();

        WebSession web = login(me);
        String german = web.language("de").get("/?unread=1").body();
        assertThat(german).contains("Alles gelesen").contains("Nur ungelesene")
                .contains("Alles als gelesen markieren").doesNotContain("post d").doesNotContain("secret post");
        String english = web.language("en").get("/?unread=1").body();
        assertThat(english).contains("all caught up").contains("Only unread").contains("Mark all as read");
        String everything = web.get("/").body();
        assertThat(everything).contains("post d").contains("my own post").doesNotContain("secret post")
                .doesNotContain("all caught up");
    }

    @Test
    void markAllReadEmptiesTheFilterUntilSomethingNewIsWritten() {
        TestUser me = data.member();
        TestUser other = data.member();
        TestUser colleague = data.member();
        TestSpace team = data.space("PUBLIC", colleague);
        data.addMember(team, me, "MEMBER");
        data.addMember(team, other, "MEMBER");
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS);
        long x = post(team, colleague, "older x", t);
        long y = post(team, colleague, "older y", t.plusSeconds(1));
        ApiClient api = api(me);
        assertThat(all(api, UNREAD)).containsExactly(s(y), s(x));

        assertThat(api.post("/api/v1/streams/home/read-all", null).status()).isEqualTo(204);
        assertThat(all(api, UNREAD)).isEmpty();
        assertThat(all(api, "/api/v1/streams/home")).containsExactly(s(y), s(x));
        long fresh = postNow(team, colleague, "fresh news");
        assertThat(all(api, UNREAD)).containsExactly(s(fresh));
        // the watermark is per person
        assertThat(all(api(other), UNREAD)).containsExactly(s(fresh), s(y), s(x));

        // the HTML button: a CSRF-protected POST back to the filtered page
        WebSession web = login(other);
        assertThat(web.get("/?unread=1").body()).contains("older x").contains("action=\"/stream/read-all\"");
        Http done = web.post("/stream/read-all", Map.of("back", "/?unread=1"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).endsWith("/?unread=1");
        assertThat(all(api(other), UNREAD)).isEmpty();
        assertThat(web.language("en").get("/?unread=1").body()).contains("all caught up")
                .doesNotContain("older x").doesNotContain("fresh news");
        assertThat(anonymous().post("/stream/read-all", Map.of()).status()).isIn(302, 401, 403);
    }

    @Test
    void paginatesOverUnreadPostsOnlyInApiAndHtml() {
        TestUser me = data.member();
        TestUser colleague = data.member();
        TestSpace team = data.space("PRIVATE", colleague);
        data.addMember(team, me, "MEMBER");
        String nonce = "p" + System.nanoTime();
        Instant t = Instant.now().minus(2, ChronoUnit.HOURS);
        List<Long> unread = new ArrayList<>();
        ApiClient api = api(me);
        for (int i = 0; i < 30; i++) {
            long id = post(team, colleague, nonce + "-" + i + "-end", t.plusSeconds(i));
            if (i % 6 == 0) {
                assertThat(api.get("/api/v1/posts/" + id).status()).isEqualTo(200);
            } else {
                unread.add(0, id);
            }
        }
        assertThat(unread).hasSize(25);

        JsonNode first = api.get(UNREAD).json();
        assertThat(ids(first)).hasSize(20);
        assertThat(first.get("nextCursor").isNull()).isFalse();
        Http secondResponse = api.get(UNREAD + "&cursor=" + first.get("nextCursor").asText());
        JsonNode second = secondResponse.json();
        assertThat(ids(second)).hasSize(5);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        List<String> both = new ArrayList<>(ids(first));
        both.addAll(ids(second));
        assertThat(both).containsExactlyElementsOf(unread.stream().map(UnreadFilterIT::s).toList());
        assertThat(api.get(UNREAD).header("Link")).contains("unread=true").contains("cursor=");

        WebSession web = login(me);
        String page1 = web.get("/?unread=1").body();
        Matcher more = Pattern.compile("href=\"/\\?unread=1&(?:amp;)?cursor=([^\"&]+)\"").matcher(page1);
        assertThat(more.find()).as("load more keeps the filter").isTrue();
        String page2 = web.get("/?unread=1&cursor=" + more.group(1)).body();
        for (int i = 0; i < 30; i++) {
            String text = nonce + "-" + i + "-end";
            if (i % 6 == 0) {
                assertThat(page1 + page2).doesNotContain(text);
            } else if (i >= 7) {
                assertThat(page1).contains(text);
                assertThat(page2).doesNotContain(text);
            } else {
                assertThat(page2).contains(text);
                assertThat(page1).doesNotContain(text);
            }
        }
        assertThat(page2).doesNotContain("cursor=");
    }

    @Test
    void theFloorCountsOnlyUnreadPostsOfMySpaces() {
        TestUser me = data.member();
        TestUser colleague = data.member();
        TestUser followed = data.member();
        TestSpace team = data.space("PRIVATE", colleague);
        data.addMember(team, me, "MEMBER");
        TestSpace open = data.space("PUBLIC", followed);
        ApiClient api = api(me);
        assertThat(api.put("/api/v1/follows/user/" + followed.id(), null).status()).isIn(200, 204);
        Instant t = Instant.now().minus(3, ChronoUnit.HOURS);
        long older = post(open, followed, "older but unread", t);
        for (int i = 1; i <= 25; i++) {
            long id = post(team, colleague, "newer and read " + i, t.plusSeconds(i));
            data.jdbc().sql("insert into post_reads (user_id, post_id) values (:u, :p)")
                    .param("u", me.id()).param("p", id).update();
        }
        JsonNode page = api.get(UNREAD).json();
        assertThat(ids(page)).containsExactly(s(older));
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }
}
