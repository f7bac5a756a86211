package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class ProfileIT extends AbstractIT {

    private static Map<String, String> form(String name) {
        Map<String, String> f = new HashMap<>();
        f.put("displayName", name);
        f.put("jobTitle", "Backend Developer");
        f.put("orgUnitId", "");
        f.put("location", "Berlin");
        f.put("phone", "+49 30 123456");
        f.put("about", "I like **PostgreSQL**.\n\n<script>alert(1)</script>");
        f.put("skills", "Java, PostgreSQL, java, ");
        f.put("locale", "");
        return f;
    }

    @Test
    void editProfileAndSeeItRendered() {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        s.get("/settings/profile");
        Http page = s.get("/settings/profile");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"displayName\"").contains(user.displayName());

        String name = TestData.unique("Renée Müller");
        Http saved = s.post("/settings/profile", form(name));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/settings/profile");
        // the principal is refreshed: the header shows the new name at once
        assertThat(s.get("/settings/profile").body()).contains("<span class=\"user-name\">" + name + "</span>")
                .contains("Your profile has been saved.");

        Http profile = s.get("/people/" + user.id());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).contains(name).contains("Backend Developer").contains("+49 30 123456")
                .contains("<strong>PostgreSQL</strong>").doesNotContain("<script>alert(1)")
                .contains("href=\"/people?skill=Java\"").contains("href=\"/people?skill=PostgreSQL\"");
        // "java" is the same skill as "Java"; the blank entry is ignored
        assertThat(data.jdbc().sql("select skill from user_skills where user_id = :id order by skill")
                .param("id", user.id()).query(String.class).list()).containsExactly("Java", "PostgreSQL");
    }

    @Test
    void invalidInputIs422WithMessagesBesideTheFields() {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        s.get("/settings/profile");
        Map<String, String> f = form("");
        f.put("phone", "call me maybe");
        f.put("jobTitle", "x".repeat(121));
        f.put("skills", String.join(",", java.util.Collections.nCopies(31, "s").stream()
                .map(x -> x + Math.random()).toList()));
        Http r = s.post("/settings/profile", f);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"displayName-error\" class=\"field-error\">Please fill in this field.")
                .contains("id=\"jobTitle-error\" class=\"field-error\">At most 120 characters.")
                .contains("id=\"phone-error\" class=\"field-error\">Please enter a phone number")
                .contains("At most 30 skills.")
                .contains("value=\"call me maybe\"");
        assertThat(data.jdbc().sql("select display_name from users where id = :id").param("id", user.id())
                .query(String.class).single()).isEqualTo(user.displayName());
    }

    @Test
    void languagePreferenceTakesEffectImmediately() {
        TestData.TestUser user = data.member();
        WebSession s = login(user);
        s.get("/settings/profile");
        Map<String, String> f = form(user.displayName());
        f.put("locale", "de");
        assertThat(s.post("/settings/profile", f).status()).isEqualTo(302);
        Http page = s.get("/settings/profile");
        assertThat(page.body()).contains("<html lang=\"de\"").contains("Profil speichern");
    }

    @Test
    void skillSuggestionsListMostUsedFirst() {
        String prefix = "zq" + TestData.unique("s").replace("-", "");
        for (int i = 0; i < 3; i++) {
            addSkill(data.member(), prefix + "-popular");
        }
        addSkill(data.member(), prefix + "-rare");
        TestData.TestUser viewer = data.member();
        WebSession s = login(viewer);
        Http r = s.get("/people/skills/suggest?q=" + prefix.toUpperCase());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).containsSubsequence(prefix + "-popular", prefix + "-rare");
        // completes the last entry of the comma-separated field and keeps the ones before it
        Http second = s.get("/people/skills/suggest?skills=Java,%20" + prefix + "-r");
        assertThat(second.body()).contains("<option value=\"Java, " + prefix + "-rare\">")
                .doesNotContain("popular");
    }

    @Test
    void guestSeesOwnProfileOnly() {
        TestData.TestUser guest = data.guest();
        TestData.TestUser member = data.member();
        WebSession s = login(guest);
        s.get("/settings/profile");
        Http own = s.get("/people/" + guest.id());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains(guest.displayName()).contains("badge-external");
        assertThat(s.get("/people/" + member.id()).status()).isEqualTo(403);
        assertThat(s.get("/people").status()).isEqualTo(403);
        assertThat(s.get("/people/skills/suggest?q=ja").status()).isEqualTo(403);
        assertThat(s.get("/settings/profile").status()).isEqualTo(200);
        assertThat(s.post("/settings/profile", form("Gast Gustav")).status()).isEqualTo(302);
    }

    @Test
    void unknownProfileIs404() {
        WebSession s = login(data.member());
        assertThat(s.get("/people/987654321").status()).isEqualTo(404);
        assertThat(s.get("/people/987654321/avatar").status()).isEqualTo(404);
    }

    private void addSkill(TestData.TestUser user, String skill) {
        data.jdbc().sql("insert into user_skills (user_id, skill) values (:u, :s)")
                .param("u", user.id()).param("s", skill).update();
    }
}
