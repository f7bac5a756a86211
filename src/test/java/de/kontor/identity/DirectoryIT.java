package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class DirectoryIT extends AbstractIT {

    private long unit(String name, Long parent) {
        return data.jdbc().sql("insert into org_units (name, parent_id) values (:n, :p) returning id")
                .param("n", name).param("p", parent).query(Long.class).single();
    }

    private TestData.TestUser person(String name, String jobTitle, Long unit, String... skills) {
        TestData.TestUser u = data.member();
        data.jdbc().sql("update users set display_name = :n, job_title = :j, org_unit_id = :u where id = :id")
                .param("n", name).param("j", jobTitle).param("u", unit).param("id", u.id()).update();
        for (String s : skills) {
            data.jdbc().sql("insert into user_skills (user_id, skill) values (:u, :s)").param("u", u.id())
                    .param("s", s).update();
        }
        return u;
    }

    @Test
    void searchFilterAndPaginate() {
        String tag = TestData.unique("dir").replace("-", "");
        long company = unit("Company " + tag, null);
        long backend = unit("Backend " + tag, company);
        TestData.TestUser anna = person("Anna " + tag, "Database Engineer", backend, "PostgreSQL", "Java");
        TestData.TestUser bert = person("Bert " + tag, "Designer", company, "Figma");
        person("Carla " + tag, "Engineer", null, "Java");

        WebSession s = login(data.member());
        Http all = s.get("/people?q=" + tag.toUpperCase());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).containsSubsequence("Anna " + tag, "Bert " + tag, "Carla " + tag);

        // the unit filter includes sub-units
        Http inCompany = s.get("/people?q=" + tag + "&unit=" + company);
        assertThat(inCompany.body()).contains("Anna " + tag).contains("Bert " + tag).doesNotContain("Carla " + tag);
        Http inBackend = s.get("/people?q=" + tag + "&unit=" + backend);
        assertThat(inBackend.body()).contains("Anna " + tag).doesNotContain("Bert " + tag);

        Http java = s.get("/people?q=" + tag + "&skill=java");
        assertThat(java.body()).contains("Anna " + tag).contains("Carla " + tag).doesNotContain("Bert " + tag);

        // job title search, case-insensitive
        Http byTitle = s.get("/people?q=database+ENGINEER");
        assertThat(byTitle.body()).contains("Anna " + tag);
        // e-mail search
        assertThat(s.get("/people?q=" + bert.email()).body()).contains("Bert " + tag);

        Http none = s.get("/people?q=" + tag + "nobody");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).contains("Nobody found");
        assertThat(anna.id()).isPositive();
    }

    @Test
    void pagesOfTwentyWithNextLink() {
        String tag = TestData.unique("page").replace("-", "");
        for (int i = 0; i < 25; i++) {
            person(String.format("P%02d %s", i, tag), null, null);
        }
        WebSession s = login(data.member());
        Http first = s.get("/people?q=" + tag);
        assertThat(first.body()).contains("P00 " + tag).contains("P19 " + tag).doesNotContain("P20 " + tag);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rel=\"next\" href=\"([^\"]+)\"")
                .matcher(first.body());
        assertThat(m.find()).isTrue();
        Http second = s.get(m.group(1).replace("&amp;", "&"));
        assertThat(second.body()).contains("P20 " + tag).contains("P24 " + tag).doesNotContain("P19 " + tag)
                .doesNotContain("rel=\"next\"");

        ApiClient api = api(data.member());
        List<String> names = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            Http r = api.get("/api/v1/users?q=" + tag + "&limit=10" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            assertThat(r.status()).isEqualTo(200);
            JsonNode body = r.json();
            body.get("items").forEach(i -> names.add(i.get("displayName").asString()));
            cursor = body.get("nextCursor").isNull() ? "" : body.get("nextCursor").asString();
            if (!cursor.isEmpty()) {
                assertThat(r.header("Link")).contains("cursor=" + cursor).contains("rel=\"next\"");
            }
            pages++;
        } while (!cursor.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(25).first().isEqualTo("P00 " + tag);
        assertThat(api.get("/api/v1/users?limit=500").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/users?cursor=garbage").status()).isEqualTo(422);
    }

    @Test
    void guestsHaveNoDirectory() {
        TestData.TestUser guest = data.guest();
        assertThat(login(guest).get("/people").status()).isEqualTo(403);
        ApiClient api = api(guest);
        Http list = api.get("/api/v1/users");
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/users/" + data.member().id()).status()).isEqualTo(403);
        Http self = api.get("/api/v1/users/" + guest.id());
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.json().get("role").asString()).isEqualTo("GUEST");
    }
}
