package de.kontor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** The home stream's composition, visibility, mutes, keyset pagination and the floor. */
class StreamQueryIT extends AbstractIT {

    /** A post written straight to the tables at a chosen time (the API would rate-limit bulk writing). */
    private long post(Long spaceId, TestUser author, String body, Instant at, String... tags) {
        long id = data.jdbc().sql("""
                        insert into posts (space_id, author_id, body, body_html, created_at)
                        values (:s, :a, :b, :b, :at) returning id""")
                .param("s", spaceId).param("a", author.id()).param("b", body).param("at", Timestamp.from(at))
                .query(Long.class).single();
        for (String tag : tags) {
            data.jdbc().sql("insert into post_tags (tag, post_id, space_id, created_at) values (:t, :p, :s, :at)")
                    .param("t", tag).param("p", id).param("s", spaceId).param("at", Timestamp.from(at)).update();
        }
        return id;
    }

    private void mention(TestUser user, long postId, Long spaceId, Instant at) {
        data.jdbc().sql("""
                        insert into mentions (user_id, post_id, space_id, created_at) values (:u, :p, :s, :at)""")
                .param("u", user.id()).param("p", postId).param("s", spaceId).param("at", Timestamp.from(at))
                .update();
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    /** Every id of a stream, following the cursors. */
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

    @Test
    void homeIsMySpacesFollowedPeopleAndTagsAndMentionsButOnlyWhatICanRead() {
        TestUser me = data.member();
        TestUser colleague = data.member();
        TestUser stranger = data.member();
        TestSpace mine = data.space("PRIVATE", colleague);
        data.addMember(mine, me, "MEMBER");
        TestSpace muted = data.space("PUBLIC", colleague);
        data.addMember(muted, me, "MEMBER");
        TestSpace open = data.space("PUBLIC", stranger);
        TestSpace secret = data.space("SECRET", stranger);
        data.addMember(secret, colleague, "MEMBER");
        String tag = "q" + System.nanoTime();
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS);
        long inMine = post(mine.id(), colleague, "in my space", t);
        long inMuted = post(muted.id(), colleague, "in a muted space", t.plusSeconds(1));
        long byFollowed = post(open.id(), colleague, "followed person, public space", t.plusSeconds(2));
        long byFollowedSecret = post(secret.id(), colleague, "followed person, secret space", t.plusSeconds(3));
        long profile = post(null, colleague, "followed person's profile", t.plusSeconds(4));
        long tagged = post(open.id(), stranger, "tagged", t.plusSeconds(5), tag);
        long taggedSecret = post(secret.id(), stranger, "tagged but secret", t.plusSeconds(6), tag);
        long mentioning = post(open.id(), stranger, "mentions me", t.plusSeconds(7));
        mention(me, mentioning, open.id(), t.plusSeconds(7));
        long unrelated = post(open.id(), stranger, "not for me", t.plusSeconds(8));

        ApiClient api = api(me);
        assertThat(api.put("/api/v1/follows/user/" + colleague.id(), null).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/follows/tag/" + tag.toUpperCase(), null).json().get("key").asText())
                .isEqualTo(tag);
        assertThat(api.put("/api/v1/spaces/" + muted.id() + "/mute", null).status()).isEqualTo(204);
        assertThat(api.put("/api/v1/follows/space/" + secret.id(), null).status()).isEqualTo(404);

        List<String> home = all(api, "/api/v1/streams/home");
        assertThat(home).containsExactly(s(mentioning), s(tagged), s(profile), s(byFollowed), s(inMine))
                .doesNotContain(s(inMuted), s(byFollowedSecret), s(taggedSecret), s(unrelated));
        // the HTML page shows the same
        String page = login(me).get("/").body();
        assertThat(page).contains("followed person, public space").doesNotContain("secret space")
                .doesNotContain("in a muted space");

        // following the public space brings its other posts; unmuting brings the muted one back
        api.put("/api/v1/follows/space/" + open.id(), null);
        api.delete("/api/v1/spaces/" + muted.id() + "/mute");
        assertThat(all(api, "/api/v1/streams/home")).contains(s(unrelated), s(inMuted))
                .doesNotContain(s(byFollowedSecret), s(taggedSecret));
        // a guest never sees profile posts, a non-member never the secret space
        assertThat(all(api(data.guest()), "/api/v1/streams/company")).doesNotContain(s(profile));
        assertThat(all(api(data.member()), "/api/v1/streams/users/" + colleague.id()))
                .contains(s(byFollowed), s(profile)).doesNotContain(s(byFollowedSecret), s(inMine));
    }

    @Test
    void keysetPaginationIsStableAcrossEqualTimestamps() {
        TestUser me = data.member();
        TestSpace space = data.space("PRIVATE", me);
        Instant same = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            expected.add(s(post(space.id(), me, "same time " + i, same)));
        }
        expected = expected.reversed();
        ApiClient api = api(me);
        assertThat(all(api, "/api/v1/streams/spaces/" + space.id())).containsExactlyElementsOf(expected);
        List<String> home = all(api, "/api/v1/streams/home");
        assertThat(home).containsSubsequence(expected).doesNotHaveDuplicates();
        JsonNode first = api.get("/api/v1/streams/spaces/" + space.id()).json();
        assertThat(first.get("items")).hasSize(20);
        assertThat(api.get("/api/v1/streams/spaces/" + space.id()).header("Link")).contains("rel=\"next\"");
        assertThat(api.get("/api/v1/streams/home?cursor=garbage!").status()).isEqualTo(422);
    }

    @Test
    void theFloorKeepsOlderFollowedPostsForLaterPages() {
        TestUser me = data.member();
        TestUser stranger = data.member();
        TestSpace mine = data.space("PRIVATE", me);
        TestSpace open = data.space("PUBLIC", stranger);
        String tag = "f" + System.nanoTime();
        Instant t = Instant.now().minus(3, ChronoUnit.HOURS);
        // older than the 20th newest post of my space, but newer than the 25th
        long oldTagged = post(open.id(), stranger, "old tagged", t.plusSeconds(3), tag);
        List<String> mineIds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            mineIds.add(s(post(mine.id(), me, "mine " + i, t.plusSeconds(i))));
        }
        ApiClient api = api(me);
        api.put("/api/v1/follows/tag/" + tag, null);
        JsonNode page1 = api.get("/api/v1/streams/home").json();
        assertThat(ids(page1)).hasSize(20).doesNotContain(s(oldTagged));
        List<String> everything = all(api, "/api/v1/streams/home");
        assertThat(everything).contains(s(oldTagged)).doesNotHaveDuplicates();
        // in time order: right after "mine 3" (same second, higher id first) and before "mine 2"
        int at = everything.indexOf(s(oldTagged));
        assertThat(everything.get(at + 1)).isEqualTo(mineIds.get(2));
        assertThat(everything.indexOf(s(oldTagged))).isGreaterThan(20);

        // without a floor (few posts in my spaces) a followed-tag post appears on page 1 at once
        TestUser quiet = data.member();
        api(quiet).put("/api/v1/follows/tag/" + tag, null);
        assertThat(ids(api(quiet).get("/api/v1/streams/home").json())).contains(s(oldTagged));
    }

    private static String s(long id) {
        return Long.toString(id);
    }
}
