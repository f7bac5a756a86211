package de.kontor.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;
import tools.jackson.databind.JsonNode;

/** Questions and answers through the API and the forms: the bad input of the issue, ordering, search, notices. */
class QuestionFlowsIT extends AbstractIT {

    private static final Duration LAG = Duration.ofSeconds(10);

    private static String word() {
        StringBuilder sb = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    private static String q(String s) {
        return "\"" + s.replace("\"", "\\\"") + "\"";
    }

    private static long ask(ApiClient api, Long spaceId, String title, String text, String... tags) {
        List<String> quoted = new ArrayList<>();
        for (String t : tags) {
            quoted.add(q(t));
        }
        Http r = api.post("/api/v1/questions", "{" + (spaceId == null ? "" : "\"spaceId\":\"" + spaceId + "\",")
                + "\"title\":" + q(title) + ",\"text\":" + q(text) + ",\"tags\":[" + String.join(",", quoted) + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.location()).endsWith("/api/v1/questions/" + r.json().get("id").asText());
        return r.json().get("id").asLong();
    }

    private static long answer(ApiClient api, long question, String text) {
        Http r = api.post("/api/v1/questions/" + question + "/answers", "{\"text\":" + q(text) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode answers = r.json().get("answers");
        long newest = 0;
        for (JsonNode a : answers) {
            newest = Math.max(newest, a.get("id").asLong());
        }
        return newest;
    }

    @Test
    void onlyTheAskerOrAModeratorAcceptsAndAcceptingAnotherAnswerMovesTheMark() {
        TestUser owner = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        TestUser asker = data.member();
        TestUser anna = data.member();
        TestUser ben = data.member();
        data.addMember(space, asker, "MEMBER");
        data.addMember(space, anna, "MEMBER");
        data.addMember(space, ben, "MEMBER");
        long question = ask(api(asker), space.id(), "Welcher Schmierstoff für die Spindel?", "", "wartung");
        long a1 = answer(api(anna), question, "Klüberplex BEM 41-132");
        long a2 = answer(api(ben), question, "Das steht im Wartungsplan MX-400.");

        Http foreign = api(anna).post("/api/v1/questions/" + question + "/answers/" + a1 + "/accept", null);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(data.jdbc().sql("select accepted_answer_id from questions where id = :q").param("q", question)
                .query(Long.class).optional()).isEmpty();

        Http accepted = api(asker).post("/api/v1/questions/" + question + "/answers/" + a2 + "/accept", null);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("acceptedAnswerId").asText()).isEqualTo(Long.toString(a2));
        assertThat(accepted.json().get("answers").get(0).get("id").asLong()).isEqualTo(a2);
        assertThat(accepted.json().get("answers").get(0).get("accepted").asBoolean()).isTrue();

        // a moderator (the owner) moves the mark; the answer is accepted exactly once
        Http moved = api(owner).post("/api/v1/questions/" + question + "/answers/" + a1 + "/accept", null);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("acceptedAnswerId").asText()).isEqualTo(Long.toString(a1));
        assertThat(moved.json().get("answers").get(1).get("accepted").asBoolean()).isFalse();

        // an answer of another question is not found under this one
        long other = ask(api(asker), space.id(), "Andere Frage", "");
        assertThat(api(asker).post("/api/v1/questions/" + other + "/answers/" + a1 + "/accept", null).status())
                .isEqualTo(404);

        await().atMost(LAG).until(() -> notifications(ben, "ANSWER_ACCEPTED", question) == 1
                && notifications(anna, "ANSWER_ACCEPTED", question) == 1
                && notifications(asker, "QUESTION_ANSWERED", question) == 2);
        assertThat(notifications(asker, "ANSWER_ACCEPTED", question)).isZero();
        WebSession web = login(asker);
        String list = web.get("/notifications").body();
        assertThat(list).contains("answered your question").doesNotContain("notify.text.");
        long id = data.jdbc().sql("select id from notifications where user_id = :u and type = 'QUESTION_ANSWERED' and comment_id = :a")
                .param("u", asker.id()).param("a", a2).query(Long.class).single();
        assertThat(web.get("/notifications/" + id + "/open").location())
                .endsWith("/questions/" + question + "#answer-" + a2);
    }

    private int notifications(TestUser user, String type, long question) {
        return data.jdbc().sql("select count(*) from notifications where user_id = :u and type = :t and target_id = :q")
                .param("u", user.id()).param("t", type).param("q", question).query(Integer.class).single();
    }

    @Test
    void votingTwiceCountsOnceAndUnvotingTwiceChangesNothing() {
        TestUser asker = data.member();
        TestUser voter = data.member();
        long question = ask(api(asker), null, "Wer kennt sich mit SAP PM aus?", "", "SAP");
        long answer = answer(api(voter), question, "Frag Tobias aus der IT.");
        ApiClient api = api(voter);
        assertThat(api.put("/api/v1/questions/" + question + "/vote", null).json().get("votes").asInt()).isEqualTo(1);
        assertThat(api.put("/api/v1/questions/" + question + "/vote", null).json().get("votes").asInt()).isEqualTo(1);
        assertThat(api(asker).put("/api/v1/questions/" + question + "/answers/" + answer + "/vote", null).json()
                .get("votes").asInt()).isEqualTo(1);
        assertThat(api(asker).put("/api/v1/questions/" + question + "/answers/" + answer + "/vote", null).json()
                .get("votes").asInt()).isEqualTo(1);
        assertThat(api.delete("/api/v1/questions/" + question + "/vote").status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/questions/" + question + "/vote").status()).isEqualTo(204);
        JsonNode q = api.get("/api/v1/questions/" + question).json();
        assertThat(q.get("votes").asInt()).isZero();
        assertThat(q.get("voted").asBoolean()).isFalse();
        assertThat(q.get("answers").get(0).get("votes").asInt()).isEqualTo(1);

        // the form does the same
        WebSession web = login(voter);
        assertThat(web.post("/questions/" + question + "/vote", Map.of()).status()).isEqualTo(302);
        assertThat(web.post("/questions/" + question + "/vote", Map.of()).status()).isEqualTo(302);
        assertThat(data.jdbc().sql("select vote_count from questions where id = :q").param("q", question)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(web.get("/questions/" + question).body()).contains("aria-pressed=\"true\"");
    }

    @Test
    void emptyTitleBadTagsAndEmptyAnswersAre422WithFieldErrors() {
        TestUser asker = data.member();
        ApiClient api = api(asker);
        Http r = api.post("/api/v1/questions", "{\"title\":\"  \",\"tags\":[\"ok\",\"1nope\"]}");
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("title", "tags");
        assertThat(api.post("/api/v1/questions", "{\"title\":\"" + "x".repeat(201) + "\"}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/questions", "{\"title\":\"T\",\"spaceId\":\"abc\"}").status()).isEqualTo(422);

        WebSession web = login(asker);
        Http form = web.post("/questions", Map.of("spaceId", "", "title", "", "body", "Details", "tags", "SAP"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body()).contains("field-error", "Details", "SAP");

        long question = ask(api, null, "Wie beantrage ich Urlaub?", "");
        Http empty = api.post("/api/v1/questions/" + question + "/answers", "{\"text\":\"\"}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        Http emptyForm = web.post("/questions/" + question + "/answers", Map.of("body", " "));
        assertThat(emptyForm.status()).isEqualTo(422);
        assertThat(emptyForm.body()).contains("field-error");
    }

    @Test
    void companyWideQuestionsAreForMembersNeverForGuests() {
        TestUser asker = data.member();
        TestUser guest = data.guest();
        TestSpace space = data.space("PRIVATE", asker);
        data.addMember(space, guest, "MEMBER");
        String w = word();
        long company = ask(api(asker), null, "Unternehmensweit " + w, "");
        long inSpace = ask(api(asker), space.id(), "Im Space " + w, "");
        assertThat(api(guest).get("/api/v1/questions/" + company).status()).isEqualTo(404);
        assertThat(api(guest).get("/api/v1/questions/" + inSpace).status()).isEqualTo(200);
        String guestList = login(guest).get("/questions").body();
        assertThat(guestList).contains("Im Space " + w).doesNotContain("Unternehmensweit " + w);
        assertThat(api(guest).post("/api/v1/questions", "{\"title\":\"Extern\"}").status()).isEqualTo(403);
        String memberList = login(data.member()).get("/questions").body();
        assertThat(memberList).contains("Unternehmensweit " + w).doesNotContain("Im Space " + w);
    }

    @Test
    void listsFilterByUnansweredAndTagAndPaginate() {
        TestUser asker = data.member();
        TestSpace space = data.space("PUBLIC", asker);
        ApiClient api = api(asker);
        String tag = "t" + word();
        long answered = ask(api, space.id(), "Beantwortet", "", tag);
        answer(api(asker), answered, "Ja.");
        for (int i = 0; i < 3; i++) {
            ask(api, space.id(), "Offen " + i, "", tag);
        }
        JsonNode open = api.get("/api/v1/questions?spaceId=" + space.id() + "&unanswered=true").json();
        assertThat(open.get("items").size()).isEqualTo(3);
        Http first = api.get("/api/v1/questions?tag=" + tag + "&limit=2");
        assertThat(first.json().get("items").size()).isEqualTo(2);
        assertThat(first.header("Link")).contains("rel=\"next\"");
        String cursor = first.json().get("nextCursor").asText();
        JsonNode second = api.get("/api/v1/questions?tag=" + tag + "&limit=2&cursor=" + cursor).json();
        assertThat(second.get("items").size()).isEqualTo(2);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(second.get("items").get(1).get("title").asText()).isEqualTo("Beantwortet");
        assertThat(api.get("/api/v1/questions?tag=" + encode("#" + tag.toUpperCase())).json().get("items").size())
                .isEqualTo(4);
        JsonNode patched = api.patch("/api/v1/questions/" + answered, "{\"title\":\"Beantwortet!\"}").json();
        assertThat(patched.get("tags").get(0).asText()).isEqualTo(tag);
        assertThat(login(asker).get("/spaces/" + space.id() + "/questions?unanswered=true").body())
                .contains("Offen 2").doesNotContain(">Beantwortet<");
    }

    @Test
    void searchFindsQuestionsAndAcceptedAnswersOnlyForReaders() {
        TestUser asker = data.member();
        TestUser expert = data.member();
        TestUser outsider = data.member();
        TestSpace space = data.space("PRIVATE", asker);
        data.addMember(space, expert, "MEMBER");
        String w = word();
        String a = word();
        long question = ask(api(asker), space.id(), "Spindellager " + w + " tauschen", "Wie oft?", "spindellager");
        long answer = answer(api(expert), question, "Alle 2000 Betriebsstunden " + a);
        ApiClient reader = api(asker);
        await().atMost(LAG).until(() -> total(reader, w, "question") == 1 && total(reader, a, "question") == 1);
        assertThat(total(reader, a, "answer")).isZero();
        api(asker).post("/api/v1/questions/" + question + "/answers/" + answer + "/accept", null);
        await().atMost(LAG).until(() -> total(reader, a, "answer") == 1);
        JsonNode hit = reader.get("/api/v1/search?type=answer&q=" + a).json().get("items").get(0);
        assertThat(hit.get("url").asText()).isEqualTo("/questions/" + question + "#answer-" + answer);
        assertThat(hit.toString()).contains("Spindellager " + w);
        assertThat(total(api(outsider), w, null)).isZero();
        assertThat(total(api(outsider), a, null)).isZero();

        // similar questions while typing, from the search module: readers only
        assertThat(login(expert).get("/search/similar?type=question&title=" + encode("Lager " + w)).body())
                .contains("/questions/" + question, "Spindellager " + w);
        assertThat(login(outsider).get("/search/similar?type=question&title=" + encode("Lager " + w)).body())
                .doesNotContain("/questions/" + question);
        assertThat(login(outsider).get("/search/similar?type=nonsense&q=x").status()).isEqualTo(422);

        // deleting the question removes both documents
        assertThat(api(asker).delete("/api/v1/questions/" + question).status()).isEqualTo(204);
        await().atMost(LAG).until(() -> total(reader, w, null) == 0 && total(reader, a, null) == 0);
    }

    private static long total(ApiClient api, String q, String type) {
        Http r = api.get("/api/v1/search?q=" + encode(q) + (type == null ? "" : "&type=" + type));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("total").asLong();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theAcceptedAnswerBecomesAWikiPageThatLinksBack() {
        TestUser asker = data.member();
        TestUser expert = data.member();
        TestSpace space = data.space("SECRET", asker);
        data.addMember(space, expert, "MEMBER");
        long question = ask(api(asker), space.id(), "Wartungsintervall Kühlmittelpumpe", "");
        long answer = answer(api(expert), question, "Alle **6 Monate** prüfen.");
        assertThat(api(expert).post("/api/v1/questions/" + question + "/answers/" + answer + "/wiki-page", null)
                .status()).isEqualTo(409);
        api(asker).post("/api/v1/questions/" + question + "/answers/" + answer + "/accept", null);
        WebSession web = login(expert);
        assertThat(web.get("/questions/" + question).body()).contains("/answers/" + answer + "/wiki");
        Http made = web.post("/questions/" + question + "/answers/" + answer + "/wiki", Map.of());
        assertThat(made.status()).isEqualTo(302);
        String url = made.location().replaceFirst("^https?://[^/]+", "");
        assertThat(url).startsWith("/spaces/" + space.id() + "/wiki/");
        String page = web.get(url).body();
        assertThat(page).contains("Wartungsintervall Kühlmittelpumpe", "<strong>6 Monate</strong>",
                "/questions/" + question + "#answer-" + answer);
        // the link is kept on the answer; again returns the same page
        assertThat(web.get("/questions/" + question).body()).contains("href=\"" + url + "\"");
        Http again = api(asker).post("/api/v1/questions/" + question + "/answers/" + answer + "/wiki-page", null);
        assertThat(again.json().get("url").asText()).isEqualTo(url);
        assertThat(api(data.member()).post("/api/v1/questions/" + question + "/answers/" + answer + "/wiki-page",
                null).status()).isEqualTo(404);
    }
}
