package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class PeopleImportIT extends AbstractIT {

    private static byte[] withBom(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(text, 0, out, 3, text.length);
        return out;
    }

    @Test
    void importsValidRowsAndReportsTheOthers() {
        TestData.TestUser admin = data.admin();
        TestData.TestUser existing = data.member();
        String t = TestData.unique("imp").replace("-", "");
        String units = """
                unit;parent
                Zentrale %1$s;
                Entwicklung %1$s;Zentrale %1$s
                Phantom %1$s;Nirgendwo %1$s
                """.formatted(t);
        String people = """
                email;displayName;jobTitle;orgUnit;location;phone;skills;role;company
                jürgen.%1$s@example.test;Jürgen Größe;Entwickler;Entwicklung %1$s;München;+49 89 123;"Java; Spring Boot";ADMIN;
                gast.%1$s@partner.test;Gabi Gast;;;;;;guest;Partner GmbH
                %2$s;Schon Da;;;;;;;
                not-an-email;Kaputt;;;;;;;
                wrong.role.%1$s@example.test;Rolle Falsch;;;;;;BOSS;
                unit.%1$s@example.test;Ohne Einheit;;Unbekannt %1$s;;;;;
                noname.%1$s@example.test;;;;;;;;
                jürgen.%1$s@example.test;Doppelt;;;;;;;
                phone.%1$s@example.test;Tele Fon;;;;0800-CALL-NOW;;;
                """.formatted(t, existing.email());
        Multipart m = new Multipart()
                .file("units", "units.csv", "text/csv", withBom(units))
                .file("people", "people.csv", "application/vnd.ms-excel", withBom(people));
        WebSession s = login(admin);
        s.get("/admin/units");
        Http r = s.post("/admin/import", m.contentType(), m.body());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("2 people imported").contains("2 units created").contains("8 rows rejected");
        assertThat(r.body())
                .contains("<td>4</td><td>Phantom " + t + "</td><td><code>parent</code>: The parent unit Nirgendwo " + t
                        + " does not exist.</td>")
                .contains("<td>4</td><td>" + existing.email() + "</td><td><code>email</code>: A person with this e-mail address already exists.</td>")
                .contains("<td>5</td><td>not-an-email</td><td><code>email</code>: Not a valid e-mail address.</td>")
                .contains("<td>6</td><td>wrong.role." + t + "@example.test</td><td><code>role</code>: Unknown role BOSS")
                .contains("<td>7</td><td>unit." + t + "@example.test</td><td><code>orgUnit</code>: The org unit Unbekannt " + t + " does not exist.</td>")
                .contains("<td>8</td><td>noname." + t + "@example.test</td><td><code>displayName</code>: Please fill in this field.</td>")
                .contains("<td>9</td><td>jürgen." + t + "@example.test</td><td><code>email</code>: This e-mail address appears twice in the file.</td>")
                .contains("<td>10</td><td>phone." + t + "@example.test</td><td><code>phone</code>: Please enter a phone number");
        assertThat(r.body()).contains("/join/");

        var jurgen = data.jdbc().sql("""
                        select u.display_name, u.role, u.password_hash, u.active, u.job_title, u.location, o.name as unit
                        from users u left join org_units o on o.id = u.org_unit_id where u.email = :e""")
                .param("e", "jürgen." + t + "@example.test").query().singleRow();
        assertThat(jurgen.get("display_name")).isEqualTo("Jürgen Größe");
        assertThat(jurgen.get("role")).isEqualTo("ADMIN");
        assertThat(jurgen.get("password_hash")).isNull();
        assertThat(jurgen.get("active")).isEqualTo(true);
        assertThat(jurgen.get("unit")).isEqualTo("Entwicklung " + t);
        assertThat(jurgen.get("location")).isEqualTo("München");
        assertThat(data.jdbc().sql("""
                        select skill from user_skills s join users u on u.id = s.user_id where u.email = :e
                        order by skill""").param("e", "jürgen." + t + "@example.test").query(String.class).list())
                .containsExactly("Java", "Spring Boot");
        assertThat(data.jdbc().sql("select company from users where email = :e")
                .param("e", "gast." + t + "@partner.test").query(String.class).single()).isEqualTo("Partner GmbH");

        var invitation = data.jdbc().sql("""
                        select role, token_hash, invited_by, expires_at from user_invitations where email = :e""")
                .param("e", "gast." + t + "@partner.test").query().singleRow();
        assertThat(invitation.get("role")).isEqualTo("GUEST");
        assertThat((String) invitation.get("token_hash")).matches("[0-9a-f]{64}");
        assertThat(((Number) invitation.get("invited_by")).longValue()).isEqualTo(admin.id());
        Instant expires = ((java.sql.Timestamp) invitation.get("expires_at")).toInstant();
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(6), Duration.ofDays(7));
        assertThat(data.jdbc().sql("select count(*) from user_invitations where email like :p")
                .param("p", "%." + t + "@%").query(Integer.class).single()).isEqualTo(2);
        assertThat(data.jdbc().sql("""
                        select detail from audit_log where actor_id = :a and action = 'people.imported'""")
                .param("a", admin.id()).query(String.class).single()).isEqualTo("units=2 people=2 rejected=8");

        // the imported people appear in the directory
        assertThat(s.get("/people?q=" + t).body()).contains("Jürgen Größe").contains("Gabi Gast");
    }

    @Test
    void commaSeparatedWithoutUnitsFile() {
        String t = TestData.unique("csv").replace("-", "");
        String people = "Email,DisplayName,Skills\n\"a." + t + "@example.test\",\"Doe, Jane\",UX;Research\n";
        Multipart m = new Multipart().file("people", "p.csv", "text/csv", people.getBytes(StandardCharsets.UTF_8));
        WebSession s = login(data.admin());
        s.get("/admin/import");
        Http r = s.post("/admin/import", m.contentType(), m.body());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("1 person imported").contains("no rows rejected");
        assertThat(data.jdbc().sql("select display_name from users where email = :e")
                .param("e", "a." + t + "@example.test").query(String.class).single()).isEqualTo("Doe, Jane");
    }

    @Test
    void unusableFilesAreRejectedAsAWhole() {
        WebSession s = login(data.admin());
        s.get("/admin/units");
        Multipart missing = new Multipart().file("people", "p.csv", "text/csv",
                "name;mail\nx;y\n".getBytes(StandardCharsets.UTF_8));
        Http r = s.post("/admin/import", missing.contentType(), missing.body());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("Missing columns: email, displayName.");

        Multipart latin1 = new Multipart().file("people", "p.csv", "text/csv",
                "email;displayName\nj@example.test;J\u00fcrgen\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(s.post("/admin/import", latin1.contentType(), latin1.body()).body())
                .contains("The file is not UTF-8 encoded text.");

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        Multipart big = new Multipart().file("people", "p.csv", "text/csv", huge);
        Http tooBig = s.post("/admin/import", big.contentType(), big.body());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.body()).contains("The file is larger than 5 MB.");

        assertThat(login(data.member()).get("/admin/import").status()).isEqualTo(403);
    }
}
