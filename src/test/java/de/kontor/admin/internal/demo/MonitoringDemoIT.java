package de.kontor.admin.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;
import de.kontor.support.WebSession;

/**
 * The demo monitoring: German and English mentions in the inbox of the Service-Team, with topics, sentiment and
 * worked states; nothing fetched at load time; loading again adds nothing.
 */
@ActiveProfiles("demo")
class MonitoringDemoIT extends AbstractIT {

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
    void demoInboxHasGermanAndEnglishMentionsWithTopicsAndReloadingAddsNothing() {
        assertThat(count("select count(*) from monitoring_mentions")).isEqualTo(DemoMonitoring.MENTIONS.size());
        assertThat(count("select count(*) from monitoring_mentions where language = 'de'")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from monitoring_mentions where language = 'en'")).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from monitoring_mentions where sentiment = 'NEGATIVE'")).isGreaterThan(2);
        assertThat(count("select count(*) from monitoring_mentions where sentiment = 'POSITIVE'")).isGreaterThan(1);
        assertThat(count("""
                select count(*) from monitoring_mentions m
                where not exists (select 1 from monitoring_mention_topics t where t.mention_id = m.id)""")).isZero();
        assertThat(count("select count(*) from monitoring_sources where last_fetched_at is not null")).isZero();

        // a member of the Service-Team works the inbox; a member elsewhere does not see it
        WebSession team = WebSession.login(baseUrl(), email("thomas.kessler"), DemoDataLoader.PASSWORD);
        assertThat(team.get("/monitoring").body()).contains("MX-400").contains("@cnc_lars");
        WebSession other = WebSession.login(baseUrl(), email("michael.sauter"), DemoDataLoader.PASSWORD);
        assertThat(other.get("/monitoring").status()).isEqualTo(404);

        loader.run();
        assertThat(count("select count(*) from monitoring_mentions")).isEqualTo(DemoMonitoring.MENTIONS.size());
    }

    private static String email(String key) {
        return DemoPeople.ALL.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().email();
    }
}
