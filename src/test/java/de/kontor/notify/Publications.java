package de.kontor.notify;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Module listeners run asynchronously after commit. Tests wait until every event publication has been handled
 * (the JDBC publication registry records completion) before asserting what the listeners did or did not do.
 */
final class Publications {

    private Publications() {
    }

    static void settle(JdbcClient jdbc) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                jdbc.sql("""
                                select count(*) from event_publication
                                where completion_date is null and coalesce(status, '') <> 'FAILED'""")
                        .query(Integer.class).single() == 0);
    }
}
