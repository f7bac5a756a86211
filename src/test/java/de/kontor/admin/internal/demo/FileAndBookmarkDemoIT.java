package de.kontor.admin.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;
import de.kontor.support.WebSession;

/** The demo bookmarks and files: loaded once, the PDFs previewable and their text searchable by the space's readers. */
@ActiveProfiles("demo")
class FileAndBookmarkDemoIT extends AbstractIT {

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
    void bookmarksAndFilesAreLoadedOnceAndWork() {
        assertThat(count("select count(*) from bookmarks")).isEqualTo(DemoLibrary.LINKS.size());
        assertThat(count("select count(*) from files")).isEqualTo(DemoLibrary.FILES.size());
        assertThat(count("select count(*) from files f join file_versions v on v.file_id = f.id "
                + "where v.content_type = 'application/pdf'")).isEqualTo(2);

        WebSession sabine = WebSession.login(baseUrl(), "sabine.krueger@muster-maschinenbau.de",
                DemoDataLoader.PASSWORD);
        long pdf = data.jdbc().sql("select id from files where name = 'Prüfanweisung Fräsmaschine.pdf'")
                .query(Long.class).single();
        assertThat(sabine.getBytes("/files/" + pdf + "/preview").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> sabine.get("/api/v1/search?q=Spindelrundlauf").body().contains("\"type\":\"file\""));
        assertThat(sabine.get("/bookmarks/popular").body()).contains("ISO 9001");

        loader.run();
        data.jdbc().sql("delete from demo_data where part = 'library'").update();
        loader.run();
        assertThat(count("select count(*) from bookmarks")).isEqualTo(DemoLibrary.LINKS.size());
        assertThat(count("select count(*) from files")).isEqualTo(DemoLibrary.FILES.size());
        assertThat(count("select count(*) from file_versions")).isEqualTo(DemoLibrary.FILES.size());
    }
}
