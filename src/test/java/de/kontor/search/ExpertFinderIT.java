package de.kontor.search;

import static de.kontor.search.SearchSupport.post;
import static de.kontor.search.SearchSupport.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

/**
 * The expert finder ranks by skills, endorsements and readable content, explains each person, leaves out people who
 * opted out and never counts what the asker cannot read. Endorsements: one per colleague per skill.
 */
class ExpertFinderIT extends AbstractIT {

    private static final Duration LAG = Duration.ofSeconds(10);

    private void declare(TestUser user, String... skills) {
        StringBuilder json = new StringBuilder("{\"skills\":[");
        for (int i = 0; i < skills.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(skills[i]).append('"');
        }
        Http r = api(user).patch("/api/v1/users/me", json.append("]}").toString());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String endorsement(TestUser user, String skill) {
        return "/api/v1/users/" + user.id() + "/skills/" + SearchSupport.encode(skill).replace("+", "%20")
                + "/endorsement";
    }

    private static List<String> names(JsonNode experts) {
        List<String> names = new ArrayList<>();
        experts.get("items").forEach(e -> names.add(e.get("displayName").asString()));
        return names;
    }

    @Test
    void ranksBySkillsEndorsementsAndReadableContentWithReasons() {
        String topic = word();
        String skill = topic + "-Programmierung";
        TestUser anna = data.member();
        TestUser ben = data.member();
        TestUser carl = data.member();
        TestUser dora = data.member();
        TestUser eva = data.member();
        TestUser frank = data.member();
        TestUser asker = data.member();
        declare(anna, skill, "Schweißen");
        declare(frank, skill);

        // two colleagues endorse Anna; a second endorsement by the same colleague changes nothing
        assertThat(api(ben).put(endorsement(anna, skill), null).status()).isEqualTo(204);
        assertThat(api(carl).put(endorsement(anna, skill), null).status()).isEqualTo(204);
        assertThat(api(carl).put(endorsement(anna, skill), null).status()).isEqualTo(204);
        JsonNode skills = api(asker).get("/api/v1/users/" + anna.id() + "/skills").json();
        JsonNode endorsed = skills.get(0).get("skill").asString().equals(skill) ? skills.get(0) : skills.get(1);
        assertThat(endorsed.get("endorsements").asInt()).isEqualTo(2);
        assertThat(endorsed.get("endorsedByMe").asBoolean()).isFalse();
        assertThat(endorsed.get("endorsers").toString()).contains(ben.displayName()).contains(carl.displayName());

        // Dora wrote about it in a public space (three posts, two tagged); Eva only in a secret space
        TestSpace open = data.space("PUBLIC", dora);
        TestSpace secret = data.space("SECRET", eva);
        ApiClient doraApi = api(dora);
        post(doraApi, open.id(), "Neue Erkenntnisse zu " + topic + " an der MX-500 #" + topic);
        post(doraApi, open.id(), "Schulung " + topic + " am Donnerstag #" + topic);
        post(doraApi, open.id(), "Wer hat Erfahrung mit " + topic + "?");
        for (int i = 0; i < 5; i++) {
            post(api(eva), secret.id(), "Interne Notiz " + i + " zu " + topic);
        }
        // Frank opts out
        assertThat(api(frank).put("/api/v1/users/me/expert-finder", "{\"hidden\":true}").status()).isEqualTo(200);
        assertThat(api(frank).get("/api/v1/users/me/expert-finder").json().get("hidden").asBoolean()).isTrue();
        await().atMost(LAG).until(() -> api(eva).get("/api/v1/search?type=post&q=" + topic).json().get("total")
                .asLong() == 8);

        Http r = api(asker).get("/api/v1/experts?q=" + topic);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(names(r.json())).containsExactly(anna.displayName(), dora.displayName());
        JsonNode first = r.json().get("items").get(0);
        assertThat(first.get("reasons").get(0).get("type").asString()).isEqualTo("skill");
        assertThat(first.get("reasons").get(0).get("skill").asString()).isEqualTo(skill);
        assertThat(first.get("reasons").get(0).get("count").asInt()).isEqualTo(2);
        JsonNode second = r.json().get("items").get(1);
        assertThat(second.get("reasons").get(0).get("type").asString()).isEqualTo("post");
        assertThat(second.get("reasons").get(0).get("count").asInt()).isEqualTo(3);
        assertThat(second.get("reasons").get(0).get("tagged").asInt()).isEqualTo(2);
        // Eva's secret posts count for a member of that space, and only there
        assertThat(names(api(eva).get("/api/v1/experts?q=" + topic).json())).contains(eva.displayName());
        assertThat(r.body()).doesNotContain(eva.displayName()).doesNotContain(frank.displayName());

        // Frank is back when he opts in again
        api(frank).put("/api/v1/users/me/expert-finder", "{\"hidden\":false}");
        assertThat(names(api(asker).get("/api/v1/experts?q=" + topic).json())).contains(frank.displayName());

        // withdrawing an endorsement and dropping a skill take the endorsement along
        assertThat(api(ben).delete(endorsement(anna, skill)).status()).isEqualTo(204);
        declare(anna, "Schweißen");
        declare(anna, "Schweißen", skill);
        assertThat(data.jdbc().sql("select count(*) from skill_endorsements where user_id = :u")
                .param("u", anna.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void badInputAndWhoMayEndorse() {
        TestUser anna = data.member();
        TestUser ben = data.member();
        TestUser guest = data.guest();
        declare(anna, "SAP");
        assertThat(api(anna).put(endorsement(anna, "SAP"), null).status()).isEqualTo(403);
        assertThat(api(guest).put(endorsement(anna, "SAP"), null).status()).isEqualTo(403);
        Http unknown = api(ben).put(endorsement(anna, "Kochen"), null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"field\":\"skill\"");
        assertThat(api(ben).put("/api/v1/users/999999999/skills/SAP/endorsement", null).status()).isEqualTo(404);

        assertThat(api(guest).get("/api/v1/experts?q=SAP").status()).isEqualTo(403);
        assertThat(login(guest).get("/people/experts?q=SAP").status()).isEqualTo(403);
        assertThat(api(ben).get("/api/v1/experts?q=").status()).isEqualTo(422);
        assertThat(api(ben).get("/api/v1/experts?q=" + "x".repeat(101)).status()).isEqualTo(422);
        assertThat(api(ben).put("/api/v1/users/me/expert-finder", "{\"hidden\":\"ja\"}").status()).isEqualTo(422);

        // the HTML form: endorse, see it counted, withdraw
        var web = login(ben);
        Http page = web.get("/people/" + anna.id());
        assertThat(page.body()).contains("action=\"/people/" + anna.id() + "/endorsements\"");
        Http saved = web.post("/people/" + anna.id() + "/endorsements", Map.of("skill", "SAP"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(web.get("/people/" + anna.id()).body()).contains("aria-pressed=\"true\"");
        web.post("/people/" + anna.id() + "/endorsements", Map.of("skill", "SAP", "withdraw", "true"));
        assertThat(web.get("/people/" + anna.id()).body()).doesNotContain("aria-pressed=\"true\"");
        // nobody sees an endorse button on their own profile
        assertThat(login(anna).get("/people/" + anna.id()).body()).doesNotContain("/endorsements\"");
    }
}
