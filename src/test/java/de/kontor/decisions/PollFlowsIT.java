package de.kontor.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/** Polls in posts through the API and the HTML forms: creating, voting, replacing votes, deadlines, visibility. */
class PollFlowsIT extends AbstractIT {

    private static String future() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String poll(String question, String results, boolean multiple, boolean anonymous) {
        return """
                {"question":"%s","options":["Montag","Dienstag","Mittwoch"],"multiple":%s,"anonymous":%s,
                 "results":"%s","closesAt":"%s"}""".formatted(question, multiple, anonymous, results, future());
    }

    private record Setup(TestSpace space, TestUser author, TestUser member, ApiClient authorApi,
                         ApiClient memberApi) {
    }

    private Setup setup(String visibility) {
        TestUser author = data.member();
        TestSpace space = data.space(visibility, author);
        TestUser member = data.member();
        data.addMember(space, member, "MEMBER");
        return new Setup(space, author, member, api(author), api(member));
    }

    private JsonNode create(Setup s, String body) {
        Http r = s.authorApi().post("/api/v1/spaces/" + s.space().id() + "/polls", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.location()).endsWith("/api/v1/polls/" + r.json().get("id").asString());
        return r.json();
    }

    private static String option(JsonNode poll, int index) {
        return poll.get("options").get(index).get("id").asString();
    }

    @Test
    void pollIsPublishedAsAPostInTheSpaceStream() {
        Setup s = setup("PUBLIC");
        JsonNode poll = create(s, poll("Wann machen wir das Teamfrühstück?", "AFTER_VOTE", false, false));
        String postId = poll.get("postId").asString();
        Http post = s.memberApi().get("/api/v1/posts/" + postId);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.json().get("body").asString()).isEqualTo("Wann machen wir das Teamfrühstück?");
        assertThat(s.memberApi().get("/api/v1/posts/" + postId + "/poll").json().get("id").asString())
                .isEqualTo(poll.get("id").asString());
        assertThat(poll.get("options")).hasSize(3);
        assertThat(poll.get("canVote").asBoolean()).isTrue();
        // the post card in the space stream shows the poll with a voting form
        String page = login(s.member()).get("/spaces/" + s.space().id() + "/posts").body();
        assertThat(page).contains("id=\"poll-" + poll.get("id").asString() + "\"")
                .contains("action=\"/polls/" + poll.get("id").asString() + "/vote\"").contains("Dienstag");
    }

    @Test
    void postWithoutPollHasNoPollResource() {
        Setup s = setup("PUBLIC");
        String postId = s.authorApi().post("/api/v1/posts", "{\"spaceId\":\"" + s.space().id()
                + "\",\"body\":\"Nur Text\"}").json().get("id").asString();
        assertThat(s.authorApi().get("/api/v1/posts/" + postId + "/poll").status()).isEqualTo(404);
    }

    @Test
    void singleChoiceVoteIsReplacedByASecondVote() {
        Setup s = setup("PRIVATE");
        JsonNode poll = create(s, poll("Ort?", "AFTER_VOTE", false, false));
        String id = poll.get("id").asString();
        JsonNode first = s.memberApi().put("/api/v1/polls/" + id + "/vote",
                "{\"optionIds\":[\"" + option(poll, 0) + "\"]}").json();
        assertThat(first.get("myVotes").get(0).asString()).isEqualTo(option(poll, 0));
        JsonNode second = s.memberApi().put("/api/v1/polls/" + id + "/vote",
                "{\"optionIds\":[\"" + option(poll, 1) + "\"]}").json();
        assertThat(second.get("myVotes")).hasSize(1);
        assertThat(second.get("myVotes").get(0).asString()).isEqualTo(option(poll, 1));
        assertThat(second.get("voters").asInt()).isEqualTo(1);
        assertThat(second.get("options").get(0).get("votes").asInt()).isZero();
        assertThat(second.get("options").get(1).get("votes").asInt()).isEqualTo(1);
        assertThat(second.get("options").get(1).get("percent").asInt()).isEqualTo(100);
        // named poll: the voter's name is shown
        assertThat(second.get("options").get(1).get("voters").get(0).asString())
                .isEqualTo(s.member().displayName());
        // two options on single choice, unknown options, nothing chosen: 422
        Http two = s.memberApi().put("/api/v1/polls/" + id + "/vote",
                "{\"optionIds\":[\"" + option(poll, 0) + "\",\"" + option(poll, 1) + "\"]}");
        assertThat(two.status()).isEqualTo(422);
        assertThat(two.body()).contains("optionIds");
        assertThat(s.memberApi().put("/api/v1/polls/" + id + "/vote", "{\"optionIds\":[\"999999999\"]}").status())
                .isEqualTo(422);
        assertThat(s.memberApi().put("/api/v1/polls/" + id + "/vote", "{\"optionIds\":[]}").status())
                .isEqualTo(422);
        // taking the vote back
        assertThat(s.memberApi().delete("/api/v1/polls/" + id + "/vote").status()).isEqualTo(204);
        assertThat(s.memberApi().get("/api/v1/polls/" + id).json().get("voters").asInt()).isZero();
    }

    @Test
    void multipleChoiceCountsEveryChosenOptionAndAnonymousHidesNames() {
        Setup s = setup("PUBLIC");
        JsonNode poll = create(s, poll("Welche Snacks?", "AFTER_VOTE", true, true));
        String id = poll.get("id").asString();
        s.memberApi().put("/api/v1/polls/" + id + "/vote",
                "{\"optionIds\":[\"" + option(poll, 0) + "\",\"" + option(poll, 2) + "\"]}");
        JsonNode after = s.authorApi().put("/api/v1/polls/" + id + "/vote",
                "{\"optionIds\":[\"" + option(poll, 2) + "\"]}").json();
        assertThat(after.get("voters").asInt()).isEqualTo(2);
        assertThat(after.get("options").get(0).get("votes").asInt()).isEqualTo(1);
        assertThat(after.get("options").get(2).get("votes").asInt()).isEqualTo(2);
        assertThat(after.get("options").get(2).get("percent").asInt()).isEqualTo(100);
        assertThat(after.get("options").get(2).get("voters")).isEmpty();
        assertThat(login(s.member()).get("/posts/" + poll.get("postId").asString()).body())
                .doesNotContain(s.author().displayName() + "</small>");
    }

    @Test
    void resultsAfterCloseAreHiddenUntilTheDeadlineAndVotingAfterItIsAConflict() {
        Setup s = setup("PUBLIC");
        JsonNode poll = create(s, poll("Budget?", "AFTER_CLOSE", false, false));
        String id = poll.get("id").asString();
        JsonNode voted = s.memberApi().put("/api/v1/polls/" + id + "/vote",
                "{\"optionIds\":[\"" + option(poll, 0) + "\"]}").json();
        assertThat(voted.get("resultsVisible").asBoolean()).isFalse();
        assertThat(voted.get("options").get(0).get("votes").isNull()).isTrue();
        assertThat(voted.get("options").get(0).get("voters")).isEmpty();
        // the deadline passes
        data.jdbc().sql("update polls set closes_at = now() - interval '1 second' where id = :id")
                .param("id", Long.parseLong(id)).update();
        JsonNode closed = s.authorApi().get("/api/v1/polls/" + id).json();
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("resultsVisible").asBoolean()).isTrue();
        assertThat(closed.get("canVote").asBoolean()).isFalse();
        assertThat(closed.get("options").get(0).get("votes").asInt()).isEqualTo(1);
        Http late = s.authorApi().put("/api/v1/polls/" + id + "/vote", "{\"optionIds\":[\"" + option(poll, 1) + "\"]}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.header("Content-Type")).contains("application/problem+json");
        assertThat(s.memberApi().delete("/api/v1/polls/" + id + "/vote").status()).isEqualTo(409);
        // the HTML form is gone; results are listed
        String page = login(s.member()).get("/posts/" + poll.get("postId").asString()).body();
        assertThat(page).doesNotContain("action=\"/polls/" + id + "/vote\"").contains("poll-results");
    }

    @Test
    void badPollsAreRejectedWith422AndNothingIsPublished() {
        Setup s = setup("PUBLIC");
        String base = "/api/v1/spaces/" + s.space().id() + "/polls";
        Http oneOption = s.authorApi().post(base, "{\"question\":\"Q\",\"options\":[\"A\",\" \"],\"closesAt\":\""
                + future() + "\"}");
        assertThat(oneOption.status()).isEqualTo(422);
        assertThat(oneOption.json().get("errors").get(0).get("field").asString()).isEqualTo("options");
        Http duplicate = s.authorApi().post(base, "{\"question\":\"Q\",\"options\":[\"A\",\"a\"],\"closesAt\":\""
                + future() + "\"}");
        assertThat(duplicate.status()).isEqualTo(422);
        Http noQuestion = s.authorApi().post(base, "{\"question\":\" \",\"options\":[\"A\",\"B\"],\"closesAt\":\""
                + future() + "\"}");
        assertThat(noQuestion.status()).isEqualTo(422);
        assertThat(noQuestion.body()).contains("question");
        Http past = s.authorApi().post(base, "{\"question\":\"Q\",\"options\":[\"A\",\"B\"],\"closesAt\":\""
                + Instant.now().minusSeconds(60) + "\"}");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.body()).contains("closesAt");
        Http noDeadline = s.authorApi().post(base, "{\"question\":\"Q\",\"options\":[\"A\",\"B\"]}");
        assertThat(noDeadline.status()).isEqualTo(422);
        Http badDate = s.authorApi().post(base, "{\"question\":\"Q\",\"options\":[\"A\",\"B\"],\"closesAt\":\"morgen\"}");
        assertThat(badDate.status()).isEqualTo(422);
        Http badResults = s.authorApi().post(base, "{\"question\":\"Q\",\"options\":[\"A\",\"B\"],\"results\":\"NEVER\","
                + "\"closesAt\":\"" + future() + "\"}");
        assertThat(badResults.status()).isEqualTo(422);
        assertThat(data.jdbc().sql("select count(*) from posts where space_id = :s").param("s", s.space().id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void readersWhoAreNotMembersSeeThePollButCannotVote() {
        Setup s = setup("PUBLIC");
        JsonNode poll = create(s, poll("Offen für alle?", "AFTER_VOTE", false, false));
        ApiClient outsider = api(data.member());
        JsonNode seen = outsider.get("/api/v1/polls/" + poll.get("id").asString()).json();
        assertThat(seen.get("canVote").asBoolean()).isFalse();
        assertThat(outsider.put("/api/v1/polls/" + poll.get("id").asString() + "/vote",
                "{\"optionIds\":[\"" + option(poll, 0) + "\"]}").status()).isEqualTo(403);
        Setup secret = setup("SECRET");
        JsonNode hidden = create(secret, poll("Geheim?", "AFTER_VOTE", false, false));
        assertThat(outsider.get("/api/v1/polls/" + hidden.get("id").asString()).status()).isEqualTo(404);
        assertThat(outsider.put("/api/v1/polls/" + hidden.get("id").asString() + "/vote",
                "{\"optionIds\":[\"" + option(hidden, 0) + "\"]}").status()).isEqualTo(404);
        assertThat(outsider.post("/api/v1/spaces/" + secret.space().id() + "/polls",
                poll("x", "AFTER_VOTE", false, false)).status()).isEqualTo(404);
        // a deleted post takes its poll with it
        assertThat(s.authorApi().delete("/api/v1/posts/" + poll.get("postId").asString()).status()).isEqualTo(204);
        assertThat(s.memberApi().get("/api/v1/polls/" + poll.get("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void htmlFormCreatesAPollAndVotesGoBackToThePage() {
        Setup s = setup("PUBLIC");
        WebSession author = login(s.author());
        assertThat(author.get("/spaces/" + s.space().id() + "/polls/new").body()).contains("name=\"closesAt\"");
        Http invalid = author.post("/spaces/" + s.space().id() + "/polls",
                Map.of("question", "Mittag?", "options", "Pizza", "results", "AFTER_VOTE", "closesAt", ""));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("field-error").contains("Pizza");
        String local = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(2)
                .withSecond(0).withNano(0).toString().substring(0, 16);
        Http created = author.post("/spaces/" + s.space().id() + "/polls", Map.of("question", "Mittag?",
                "options", "Pizza\r\nSalat\r\nSuppe", "multiple", "true", "results", "AFTER_VOTE", "closesAt", local));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.location()).contains("/posts/");
        long pollId = data.jdbc().sql("select id from polls where space_id = :s").param("s", s.space().id())
                .query(Long.class).single();
        List<Long> options = data.jdbc().sql("select id from poll_options where poll_id = :p order by position")
                .param("p", pollId).query(Long.class).list();
        assertThat(options).hasSize(3);
        // a multiple choice vote from the post card: two optionId values, back to the stream
        WebSession member = login(s.member());
        member.get("/spaces/" + s.space().id() + "/posts");
        String form = "_csrf=" + member.csrf() + "&optionId=" + options.get(0) + "&optionId=" + options.get(2)
                + "&back=/spaces/" + s.space().id() + "/posts";
        Http voted = member.post("/polls/" + pollId + "/vote", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(voted.status()).isEqualTo(302);
        assertThat(voted.location()).endsWith("/spaces/" + s.space().id() + "/posts#poll-" + pollId);
        List<Long> mine = new ArrayList<>(data.jdbc().sql(
                        "select option_id from poll_votes where poll_id = :p and user_id = :u order by option_id")
                .param("p", pollId).param("u", s.member().id()).query(Long.class).list());
        assertThat(mine).containsExactly(options.get(0), options.get(2));
        assertThat(member.get("/spaces/" + s.space().id() + "/posts").body()).contains("Pizza")
                .contains("poll-bar");
        // a foreign back target is not followed
        Http foreign = member.post("/polls/" + pollId + "/vote", Map.of("optionId", options.get(1).toString(),
                "back", "//evil.example"));
        assertThat(foreign.location()).doesNotContain("evil");
    }
}
