package de.kontor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import de.kontor.KontorApplication;
import de.kontor.support.AbstractIT;

/**
 * With {@code KONTOR_DB_URL} set, Kontor uses that database and starts no PostgreSQL of its own. The "external"
 * server here is a separate PostgreSQL process started by the test on its own data directory.
 */
class ExternalDatabaseIT {

    @Test
    void usesTheConfiguredDatabaseAndStartsNoEmbeddedOne() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(AbstractIT.freshDataDir().resolve("external-pg"))
                .setCleanDataDirectory(true)
                .start()) {
            // Kontor is closed first (its shutdown still talks to the database), then the external server
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KontorApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .run("--kontor.data-dir=" + AbstractIT.freshDataDir(),
                            "--kontor.db.url=" + external.getJdbcUrl("postgres", "postgres"),
                            "--kontor.db.user=postgres", "--kontor.db.password=",
                            "--server.port=0", "--logging.level.root=WARN")) {
                assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
                Integer port = jdbc.sql("select inet_server_port()").query(Integer.class).single();
                assertThat(port).isEqualTo(external.getPort());
                assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                        .query(Integer.class).single()).isGreaterThanOrEqualTo(3);
                // and serves: a fresh database leads to the setup page
                int port2 = ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
                        .getWebServer().getPort();
                var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://127.0.0.1:" + port2 + "/setup")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
    }
}
