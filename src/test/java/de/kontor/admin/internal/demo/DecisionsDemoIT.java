package de.kontor.admin.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;

/**
 * The demo decisions and polls: loaded once; the passed decisions are closed at load through the decisions module's
 * real closing, which records them in the wiki and announces them in the stream.
 */
@ActiveProfiles("demo")
class DecisionsDemoIT extends AbstractIT {

    private static final Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void demoDataDir(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", DATA_DIR::toString);
    }

    @Autowired
    DemoDataLoader loader;

    private int count(String sql) {
        return data.jdbc().sql(sql).query(Integer.class).single();
    }

    @Test
    void passedDemoDecisionsAreRecordedAndAnnouncedOneStaysOpenAndReloadingAddsNothing() {
        assertThat(count("select count(*) from decisions")).isEqualTo(DemoDecisions.PROPOSALS.size());
        assertThat(count("select count(*) from polls")).isEqualTo(DemoDecisions.POLLS.size());
        assertThat(count("select count(*) from decisions where status = 'DECIDED'")).isEqualTo(3);
        assertThat(data.jdbc().sql("select outcome from decisions where status = 'DECIDED' order by id")
                .query(String.class).list()).containsExactly("ACCEPTED", "CHOSEN", "ACCEPTED");
        assertThat(count("""
                select count(*) from decisions
                where status = 'DECIDED' and record_page_id is not null and announcement_post_id is not null"""))
                .isEqualTo(3);
        List<String> records = data.jdbc().sql("""
                        select r.body from wiki_pages p join wiki_revisions r on r.page_id = p.id
                        where p.id in (select record_page_id from decisions)""").query(String.class).list();
        assertThat(String.join("\n", records)).contains("Heidenhain TNC7").contains("Frank Zimmermann")
                .contains("Die Messwerte aus Q3 sprechen klar dafür.");
        assertThat(data.jdbc().sql("select status from decisions where title like 'Neue Vorlage%'")
                .query(String.class).single()).isEqualTo("OPEN");
        int votes = count("select count(*) from poll_votes");
        assertThat(votes).isGreaterThan(10);

        int posts = count("select count(*) from posts");
        loader.run();
        data.jdbc().sql("delete from demo_data where part = 'decisions'").update();
        loader.run();
        assertThat(count("select count(*) from decisions")).isEqualTo(DemoDecisions.PROPOSALS.size());
        assertThat(count("select count(*) from poll_votes")).isEqualTo(votes);
        assertThat(count("select count(*) from posts")).isEqualTo(posts);
    }
}
