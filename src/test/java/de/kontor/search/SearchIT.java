package de.kontor.search;

import static de.kontor.search.SearchSupport.encode;
import static de.kontor.search.SearchSupport.post;
import static de.kontor.search.SearchSupport.search;
import static de.kontor.search.SearchSupport.total;
import static de.kontor.search.SearchSupport.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** Search end to end: index lag, German relevance, snippets, facets, edits, comments, paging and bad input. */
class SearchIT extends AbstractIT {

    private static final Duration LAG = Duration.ofSeconds(5);

    @Test
    void newPostIsFoundWithinSecondsWithSnippetAndFacets() {
        TestUser author = data.member();
        TestSpace space = data.space("PUBLIC", author);
        ApiClient api = api(author);
        String w = word();
        String tag = word();
        long started = System.nanoTime();
        long id = post(api, space.id(), "Das Kundenfeedback zur neuen Fräsmaschine " + w + " ist da #" + tag);
        await().atMost(LAG).pollInterval(Duration.ofMillis(50)).until(() -> total(api, w) == 1);
        System.out.printf("search index lag after a post: %d ms%n", (System.nanoTime() - started) / 1_000_000);

        JsonNode r = search(api, "Feedback " + w).json();
        assertThat(r.get("total").asLong()).isEqualTo(1);
        JsonNode hit = r.get("items").get(0);
        assertThat(hit.get("id").asText()).isEqualTo(Long.toString(id));
        assertThat(hit.get("type").asText()).isEqualTo("post");
        assertThat(hit.get("url").asText()).isEqualTo("/posts/" + id);
        assertThat(hit.get("spaceName").asText()).isEqualTo(space.name());
        assertThat(hit.get("authorName").asText()).isEqualTo(author.displayName());
        assertThat(hit.get("snippetHtml").asText()).contains("<mark>Kundenfeedback</mark>").contains("<mark>" + w);
        assertThat(r.get("facets").get("type").get(0).get("value").asText()).isEqualTo("post");
        assertThat(r.get("facets").get("tag").get(0).get("value").asText()).isEqualTo(tag);
        assertThat(r.get("facets").get("space").get(0).get("label").asText()).isEqualTo(space.name());
        assertThat(r.get("facets").get("author").get(0).get("value").asText()).isEqualTo(Long.toString(author.id()));
        assertThat(r.get("facets").get("period").get(0).get("value").asText()).isEqualTo("week");

        // German: compounds by their parts, umlauts without them, plural by singular
        assertThat(total(api, "Fraesmaschine " + w)).isEqualTo(1);
        assertThat(total(api, "Maschine " + w)).isEqualTo(1);
        // facet filters narrow
        assertThat(api.get("/api/v1/search?q=" + w + "&tag=" + tag).json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/search?q=" + w + "&type=person").json().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/search?q=" + w + "&space=" + space.id()).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/search?q=" + w + "&period=older").json().get("total").asLong()).isZero();
    }

    @Test
    void editsCommentsAndDeletesReachTheIndex() {
        TestUser author = data.member();
        ApiClient api = api(author);
        String before = word();
        String after = word();
        String comment = word();
        long id = post(api, null, "Rahmenverträge " + before);
        await().atMost(LAG).until(() -> total(api, "Vertrag " + before) == 1);

        assertThat(api.patch("/api/v1/posts/" + id, "{\"body\":\"Rahmenverträge " + after + "\"}").status())
                .isEqualTo(200);
        await().atMost(LAG).until(() -> total(api, after) == 1 && total(api, before) == 0);

        Http c = api.post("/api/v1/posts/" + id + "/comments", "{\"body\":\"Antwort " + comment + "\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        await().atMost(LAG).until(() -> total(api, comment) == 1);
        String commentId = c.json().get("id").asText();
        assertThat(api.delete("/api/v1/comments/" + commentId).status()).isEqualTo(204);
        await().atMost(LAG).until(() -> total(api, comment) == 0);

        assertThat(api.delete("/api/v1/posts/" + id).status()).isEqualTo(204);
        await().atMost(LAG).until(() -> total(api, after) == 0);
    }

    @Test
    void cursorPagingWalksAllHitsOnce() {
        TestUser author = data.member();
        ApiClient api = api(author);
        String w = word();
        for (int i = 0; i < 5; i++) {
            post(api, null, "Beitrag " + i + " über " + w);
        }
        await().atMost(LAG).until(() -> total(api, w) == 5);
        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Http r = api.get("/api/v1/search?limit=2&q=" + w + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(r.status()).isEqualTo(200);
            JsonNode json = r.json();
            json.get("items").forEach(h -> seen.add(h.get("id").asText()));
            sizes.add(json.get("items").size());
            cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asText();
            if (cursor != null) {
                assertThat(r.header("Link")).contains("cursor=" + cursor).contains("rel=\"next\"");
            }
        } while (cursor != null);
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).hasSize(5);

        assertThat(api.get("/api/v1/search?q=" + w + "&cursor=garbage").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/search?q=" + w + "&limit=500").status()).isEqualTo(422);
    }

    @Test
    void badInput() {
        ApiClient api = api(data.member());
        Http empty = api.get("/api/v1/search?q=");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.header("Content-Type")).contains("application/problem+json");
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(api.get("/api/v1/search").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/search?q=" + "a".repeat(501)).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/search?q=" + "a".repeat(500)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/search?q=x&type=nonsense").status()).isEqualTo(422);
        // syntax errors are plain words
        assertThat(api.get("/api/v1/search?q=" + encode("(Vertrag AND \"")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/search?q=" + encode("title_de:x] ~ ^")).status()).isEqualTo(200);

        WebSession web = login(data.member());
        Http page = web.get("/search?q=");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("empty-state");
        Http tooLong = web.get("/search?q=" + "a".repeat(501));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("field-error");
    }

    @Test
    void didYouMeanOffersAWordTheReaderCanFind() {
        TestUser author = data.member();
        ApiClient api = api(author);
        String w = word();
        post(api, null, "Die Wartung der Presse " + w);
        await().atMost(LAG).until(() -> total(api, w) == 1);
        String typo = w.substring(0, w.length() - 1) + (w.endsWith("a") ? "b" : "a");
        JsonNode r = search(api, typo).json();
        assertThat(r.get("total").asLong()).isZero();
        assertThat(r.get("didYouMean").asText()).isEqualTo(w);
        // the results page offers it as a link
        assertThat(login(author).get("/search?q=" + typo).body()).contains("/search?q=" + w);
    }

    @Test
    void peopleAreFoundByNameForMembersButNotForGuests() {
        TestUser person = data.member();
        ApiClient member = api(data.member());
        String name = person.displayName();
        await().atMost(LAG).until(() -> member.get("/api/v1/search?type=person&q=" + encode("\"" + name + "\""))
                .json().get("total").asLong() == 1);
        ApiClient guest = api(data.guest());
        assertThat(guest.get("/api/v1/search?type=person&q=" + encode("\"" + name + "\"")).json().get("total")
                .asLong()).isZero();
    }
}
