package de.kontor.admin.internal.demo;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo skill endorsements, so that the expert finder has something to explain ("SPS-Programmierung, bestätigt von
 * 4 Personen"). Written only for skills the person declares, never by the person themselves; the {@code demo_data}
 * part "endorsements" makes later starts add nothing.
 */
@Component
@Profile("demo")
class DemoEndorsements {

    static final String PART = "endorsements";

    /** Colleagues (person keys) who endorse the person's declared skill. */
    record Endorsement(String person, String skill, List<String> by) {
    }

    static final List<Endorsement> ENDORSEMENTS = List.of(
            new Endorsement("murat.yilmaz", "SPS-Programmierung",
                    List.of("thomas.kessler", "stefan.maier", "fatma.oeztuerk", "hannes.roth")),
            new Endorsement("murat.yilmaz", "Fehlerdiagnose", List.of("thomas.kessler", "jan-philipp.koch")),
            new Endorsement("fatma.oeztuerk", "SPS-Programmierung", List.of("murat.yilmaz", "lukas.weber")),
            new Endorsement("stefan.maier", "Siemens SINUMERIK", List.of("murat.yilmaz", "thomas.kessler")),
            new Endorsement("jonas.lorenz", "SAP", List.of("julia.hartmann", "paulina.nowak", "ayse.kaya")),
            new Endorsement("julia.hartmann", "SAP", List.of("jonas.lorenz")),
            new Endorsement("hannes.roth", "CNC-Fräsen", List.of("lukas.weber", "murat.yilmaz")));

    private final JdbcClient jdbc;

    DemoEndorsements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns how many endorsements it wrote; 0 when the part was loaded before. */
    int load() {
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", PART).query(Boolean.class).single();
        if (done) {
            return 0;
        }
        int written = 0;
        for (Endorsement e : ENDORSEMENTS) {
            Optional<Long> person = id(e.person());
            if (person.isEmpty()) {
                continue;
            }
            for (String by : e.by()) {
                Optional<Long> endorser = id(by);
                if (endorser.isEmpty() || endorser.equals(person)) {
                    continue;
                }
                written += jdbc.sql("""
                                insert into skill_endorsements (user_id, skill, endorser_id)
                                select :p, lower(s.skill), :e from user_skills s
                                where s.user_id = :p and lower(s.skill) = lower(:skill)
                                on conflict do nothing""")
                        .param("p", person.get()).param("e", endorser.get()).param("skill", e.skill()).update();
            }
        }
        jdbc.sql("insert into demo_data (part, version) values (:part, 1)").param("part", PART).update();
        return written;
    }

    private Optional<Long> id(String key) {
        return DemoPeople.ALL.stream().filter(p -> p.key().equals(key)).findFirst()
                .flatMap(p -> jdbc.sql("select id from users where lower(email) = lower(:e)")
                        .param("e", p.email()).query(Long.class).optional());
    }
}
