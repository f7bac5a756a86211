package de.kontor.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.kontor.KontorApplication;
import de.kontor.identity.internal.ApiTokens;
import de.kontor.identity.internal.UserRepository;
import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;

/**
 * Two application instances on one database: a commit on A reaches an SSE subscriber on B through PostgreSQL
 * {@code LISTEN/NOTIFY}. A runs the embedded PostgreSQL; B uses it as its external database.
 */
class ClusterLiveEventsIT {

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--logging.level.root=WARN";
        return new SpringApplicationBuilder(KontorApplication.class).web(WebApplicationType.SERVLET).run(all);
    }

    private static String baseUrl(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @Test
    void anInvitationOnNodeAReachesASubscriberOnNodeB() throws Exception {
        try (ConfigurableApplicationContext a = start("--kontor.data-dir=" + AbstractIT.freshDataDir(),
                "--kontor.db.url=")) {
            String jdbcUrl = ((HikariDataSource) a.getBean(DataSource.class)).getJdbcUrl();
            TestData data = new TestData(a.getBean(UserRepository.class), a.getBean(PasswordEncoder.class),
                    a.getBean(ApiTokens.class), JdbcClient.create(a.getBean(DataSource.class)));
            TestData.TestUser owner = data.member();
            TestData.TestUser invitee = data.member();
            TestData.TestSpace space = data.space("PRIVATE", owner);

            // B is closed before A: its shutdown still talks to A's database
            try (ConfigurableApplicationContext b = start("--kontor.data-dir=" + AbstractIT.freshDataDir(),
                    "--kontor.db.url=" + jdbcUrl, "--kontor.db.user=postgres", "--kontor.db.password=");
                 SseClient onB = SseClient.open(baseUrl(b) + "/api/v1/events", data.token(invitee, "read"), null)) {
                Http invite = new ApiClient(baseUrl(a), data.token(owner, "read", "write"))
                        .post("/api/v1/spaces/" + space.id() + "/invitations",
                                "{\"userId\":\"" + invitee.id() + "\"}");
                assertThat(invite.status()).as(invite.toString()).isBetween(200, 204);

                SseClient.Event e = onB.await(ev -> ev.name().equals("notification"), Duration.ofSeconds(5));
                assertThat(e.data()).contains("\"type\":\"SPACE_INVITATION\"").contains("\"unreadCount\":1");
            }
        }
    }
}
