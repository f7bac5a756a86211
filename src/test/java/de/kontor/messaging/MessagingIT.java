package de.kontor.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Conversations through the API and the pages: uniqueness of direct conversations, groups, leaving, limits, bad
 * input, unread state, rate limit and idempotency. Who may see what is specified by {@link MessagingMatrixIT}.
 *
 * <p>The {@code MessageSent} event is not asserted here: nothing listens to it yet, so the publication registry
 * holds no row for it; the choice of recipients is covered by {@code MessagingServiceTest}.
 */
class MessagingIT extends AbstractIT {

    @Test
    void aDirectConversationBetweenTwoPeopleIsUnique() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        Http first = api(anna).post("/api/v1/conversations", people(ben));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String id = first.json().get("id").asString();
        assertThat(first.location()).isEqualTo("/api/v1/conversations/" + id);
        assertThat(first.json().get("kind").asString()).isEqualTo("DIRECT");

        Http again = api(anna).post("/api/v1/conversations", people(ben));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        Http fromBen = api(ben).post("/api/v1/conversations", people(anna));
        assertThat(fromBen.status()).isEqualTo(200);
        assertThat(fromBen.json().get("id").asString()).isEqualTo(id);

        // the page form leads to the same conversation
        Http page = login(ben).post("/messages", Map.of("people", anna.email()));
        assertThat(page.location()).endsWith("/messages/" + id);
        assertThat(data.jdbc().sql("select count(*) from conversation_participants where conversation_id = :c")
                .param("c", Long.parseLong(id)).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void groupsCanGrowAndBeLeftWhileTheHistoryStays() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        TestUser carla = data.guest();
        TestUser dora = data.member();
        ApiClient a = api(anna);
        Http created = a.post("/api/v1/conversations", """
                {"participantIds":["%d","%d"],"title":"Release planning"}""".formatted(ben.id(), carla.id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("kind").asString()).isEqualTo("GROUP");
        assertThat(created.json().get("participants")).hasSize(3);
        String c = "/api/v1/conversations/" + created.json().get("id").asString();

        assertThat(a.post(c + "/messages", text("before Ben leaves")).status()).isEqualTo(201);
        Http added = a.post(c + "/participants", "{\"userIds\":[\"" + dora.id() + "\"]}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("participants")).hasSize(4);
        // the guest takes part but cannot add people
        assertThat(api(carla).post(c + "/messages", text("hello from outside")).status()).isEqualTo(201);
        assertThat(api(carla).post(c + "/participants", "{\"userIds\":[\"" + dora.id() + "\"]}").status())
                .isEqualTo(403);

        ApiClient b = api(ben);
        assertThat(b.delete(c + "/participants/me").status()).isEqualTo(204);
        assertThat(b.delete(c + "/participants/me").status()).isEqualTo(409);
        Http refused = b.post(c + "/messages", text("still here?"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(a.post(c + "/messages", text("after Ben left")).status()).isEqualTo(201);

        // Ben keeps the history up to leaving, and nothing after it
        String history = b.get(c + "/messages").body();
        assertThat(history).contains("before Ben leaves").contains("hello from outside")
                .doesNotContain("after Ben left");
        assertThat(b.get(c).json().get("left").asBoolean()).isTrue();
        assertThat(login(ben).get("/messages/" + c.substring(c.lastIndexOf('/') + 1)).body())
                .contains("You left this conversation").doesNotContain("after Ben left")
                .doesNotContain("id=\"body\"");
        assertThat(api(dora).get(c + "/messages").body()).contains("after Ben left").contains("before Ben leaves");

        // added again, Ben reads and writes once more
        assertThat(a.post(c + "/participants", "{\"userIds\":[\"" + ben.id() + "\"]}").status()).isEqualTo(200);
        assertThat(b.post(c + "/messages", text("back again")).status()).isEqualTo(201);
    }

    @Test
    void directConversationsCannotBeLeftNorGrow() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        String c = "/api/v1/conversations/" + api(anna).post("/api/v1/conversations", people(ben)).json().get("id")
                .asString();
        assertThat(api(anna).delete(c + "/participants/me").status()).isEqualTo(409);
        assertThat(api(anna).post(c + "/participants", "{\"userIds\":[\"" + data.member().id() + "\"]}").status())
                .isEqualTo(409);
    }

    @Test
    void atMostFiftyPeopleTakePart() {
        TestUser anna = data.member();
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(data.member().id());
        }
        Http tooMany = api(anna).post("/api/v1/conversations", ids(others));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("participantIds");
        assertThat(tooMany.json().get("errors").get(0).get("message").asString()).contains("50");

        Http fifty = api(anna).post("/api/v1/conversations", ids(others.subList(0, 49)));
        assertThat(fifty.status()).as(fifty.toString()).isEqualTo(201);
        assertThat(fifty.json().get("participants")).hasSize(50);
        String c = "/api/v1/conversations/" + fifty.json().get("id").asString();
        Http oneMore = api(anna).post(c + "/participants", "{\"userIds\":[\"" + others.get(49) + "\"]}");
        assertThat(oneMore.status()).isEqualTo(422);
    }

    @Test
    void outsidersAndAdministratorsGetNotFound() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        String id = api(anna).post("/api/v1/conversations", people(ben)).json().get("id").asString();
        api(anna).post("/api/v1/conversations/" + id + "/messages", text("just between us"));
        for (TestUser outsider : List.of(data.member(), data.admin())) {
            WebSession s = login(outsider);
            Http page = s.get("/messages/" + id);
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).doesNotContain("just between us");
            assertThat(s.get("/messages/" + id + "/since/0").status()).isEqualTo(404);
            ApiClient api = api(outsider);
            assertThat(api.get("/api/v1/conversations/" + id).status()).isEqualTo(404);
            Http msgs = api.get("/api/v1/conversations/" + id + "/messages");
            assertThat(msgs.status()).isEqualTo(404);
            assertThat(msgs.body()).doesNotContain("just between us");
            assertThat(api.post("/api/v1/conversations/" + id + "/messages", text("me too")).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void unreadCountsFollowReading() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        ApiClient a = api(anna);
        String id = a.post("/api/v1/conversations", people(ben)).json().get("id").asString();
        a.post("/api/v1/conversations/" + id + "/messages", text("Hast du kurz Zeit?"));
        a.post("/api/v1/conversations/" + id + "/messages", text("Es geht um **das Angebot**."));

        ApiClient b = api(ben);
        assertThat(unread(b, id)).isEqualTo(2);
        var listed = b.get("/api/v1/conversations").json().get("items").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(id);
        assertThat(listed.get("lastMessage").get("senderName").asString()).isEqualTo(anna.displayName());
        assertThat(unread(a, id)).isZero();
        WebSession benPage = login(ben);
        String list = benPage.get("/messages").body();
        assertThat(list).contains("badge-unread").contains("2 unread").contains("Es geht um das Angebot.");

        Http page = benPage.get("/messages/" + id);
        assertThat(page.body()).contains("<strong>das Angebot</strong>");
        assertThat(unread(b, id)).isZero();
        assertThat(benPage.get("/messages").body()).doesNotContain("badge-unread");

        a.post("/api/v1/conversations/" + id + "/messages", text("Danke!"));
        assertThat(unread(b, id)).isEqualTo(1);
        assertThat(b.post("/api/v1/conversations/" + id + "/read", null).status()).isEqualTo(204);
        assertThat(unread(b, id)).isZero();
    }

    @Test
    void badInputIsRefusedWithFieldMessages() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        TestUser gone = data.member();
        data.deactivate(gone);
        ApiClient a = api(anna);
        String c = "/api/v1/conversations/" + a.post("/api/v1/conversations", people(ben)).json().get("id")
                .asString();

        Http empty = a.post(c + "/messages", text("   "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        Http tooLong = a.post(c + "/messages", text("x".repeat(20_001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("20,000");
        assertThat(a.post(c + "/messages", text("x".repeat(20_000))).status()).isEqualTo(201);

        assertThat(a.post("/api/v1/conversations", "{\"participantIds\":[]}").status()).isEqualTo(422);
        assertThat(a.post("/api/v1/conversations", "{\"participantIds\":[\"abc\"]}").status()).isEqualTo(422);
        assertThat(a.post("/api/v1/conversations", "{\"participantIds\":[\"999999999\"]}").status()).isEqualTo(422);
        Http inactive = a.post("/api/v1/conversations", people(gone));
        assertThat(inactive.status()).isEqualTo(422);
        assertThat(inactive.body()).contains("deactivated");
        assertThat(a.post("/api/v1/conversations", "{not json").status()).isEqualTo(400);
        assertThat(api(data.guest()).post("/api/v1/conversations", people(anna)).status()).isEqualTo(403);

        WebSession s = login(anna);
        Http form = s.post("/messages", Map.of("people", "nobody@example.test"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).contains("field-error").contains("nobody@example.test");
        Http blank = s.post(c.replace("/api/v1/conversations", "/messages"), Map.of("body", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("field-error");
        Http german = login(anna).language("de").post("/messages", Map.of("people", ""));
        assertThat(german.status()).isEqualTo(422);
    }

    @Test
    void rapidSendingIsRateLimited() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        ApiClient a = api(anna);
        String id = a.post("/api/v1/conversations", people(ben)).json().get("id").asString();
        String c = "/api/v1/conversations/" + id + "/messages";
        for (int i = 0; i < 20; i++) {
            assertThat(a.post(c, text("message " + i)).status()).isEqualTo(201);
        }
        Http limited = a.post(c, text("one too many"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 10);
        Http page = login(anna).post("/messages/" + id, Map.of("body", "and again"));
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).isNotNull();
        assertThat(page.body()).contains("Too many requests");
        assertThat(api(ben).get(c + "?limit=100").json().get("items")).hasSize(20);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstMessage() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        WebSession s = login(anna);
        String id = api(anna).post("/api/v1/conversations", people(ben)).json().get("id").asString();
        String path = "/api/v1/conversations/" + id + "/messages";
        Http first = new ApiClientWithKey(baseUrl(), data.token(anna, "read", "write")).post(path, "k-1", "once");
        Http second = new ApiClientWithKey(baseUrl(), data.token(anna, "read", "write")).post(path, "k-1", "once");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(second.location()).isEqualTo(first.location());
        // another person may use the same key
        Http bens = new ApiClientWithKey(baseUrl(), data.token(ben, "read", "write")).post(path, "k-1", "twice");
        assertThat(bens.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
        assertThat(api(anna).get(path).json().get("items")).hasSize(2);
        assertThat(s.get("/messages/" + id).body()).contains("once").contains("twice");
    }

    @Test
    void loadNewerReturnsOnlyNewerMessagesAsAFragment() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        ApiClient a = api(anna);
        String id = a.post("/api/v1/conversations", people(ben)).json().get("id").asString();
        String first = a.post("/api/v1/conversations/" + id + "/messages", text("erste")).json().get("id")
                .asString();
        a.post("/api/v1/conversations/" + id + "/messages", text("zweite"));
        Http fragment = login(ben).get("/messages/" + id + "/since/" + first);
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("zweite").doesNotContain("erste").doesNotContain("<html");
        assertThat(unread(api(ben), id)).isZero();
    }

    @Test
    void theApiIsDocumented() {
        String doc = anonymous().get("/api/v1/openapi.json").body();
        assertThat(doc).contains("/api/v1/conversations/{id}/messages").contains("Idempotency-Key")
                .contains("/api/v1/conversations/{id}/participants/me");
    }

    private static long unread(ApiClient api, String id) {
        return api.get("/api/v1/conversations/" + id).json().get("unreadCount").asLong();
    }

    private static String people(TestUser... users) {
        return ids(java.util.Arrays.stream(users).map(TestUser::id).toList());
    }

    private static String ids(List<Long> ids) {
        return "{\"participantIds\":[" + ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","))
                + "]}";
    }

    private static String text(String text) {
        return "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
    }

    /** POSTs a message with an Idempotency-Key header. */
    private record ApiClientWithKey(String base, String token) {
        Http post(String path, String key, String text) {
            try {
                var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(base + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Accept", "application/json").header("Idempotency-Key", key)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(text(text))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                return new Http(r.statusCode(), r.body(), r.headers());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
