package de.kontor.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import de.kontor.shared.internal.EmbeddedPostgresServer;
import de.kontor.support.AbstractIT;

/**
 * Proves with real processes what the embedded PostgreSQL promises: data survives restarts and a {@code kill -9} of
 * the JVM, durability settings are on, and closing stops the server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedPostgresIT {

    @Test
    void dataSurvivesANormalRestartAndCloseStopsPostgres() throws Exception {
        Path dir = AbstractIT.freshDataDir().resolve("pg");
        long firstPid;
        try (EmbeddedPostgres pg = EmbeddedPostgresServer.start(dir)) {
            firstPid = postmasterPid(dir);
            update(pg, "create table probe (value text not null)");
            update(pg, "insert into probe (value) values ('before restart')");
        }
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        // pg_ctl returns once the pid file is gone, a moment before the process itself has ended
        Optional<ProcessHandle> postmaster = ProcessHandle.of(firstPid);
        if (postmaster.isPresent()) {
            postmaster.get().onExit().get(10, TimeUnit.SECONDS);
        }

        try (EmbeddedPostgres pg = EmbeddedPostgresServer.start(dir)) {
            assertThat(query(pg, "select value from probe")).containsExactly("before restart");
        }
    }

    @Test
    void durabilitySettingsAreOn() throws Exception {
        Path dir = AbstractIT.freshDataDir().resolve("pg");
        try (EmbeddedPostgres pg = EmbeddedPostgresServer.start(dir)) {
            assertThat(query(pg, "show fsync")).containsExactly("on");
            assertThat(query(pg, "show synchronous_commit")).containsExactly("on");
            assertThat(query(pg, "show full_page_writes")).containsExactly("on");
            assertThat(query(pg, "show listen_addresses")).containsExactly("127.0.0.1");
            assertThat(query(pg, "select setting from pg_settings where name = 'data_directory'"))
                    .containsExactly(dir.toAbsolutePath().normalize().toString());
        }
    }

    @Test
    void committedDataSurvivesKillOfTheJvmWhilePostgresKeepsRunning() throws Exception {
        Path dir = AbstractIT.freshDataDir().resolve("pg");
        Process child = startChild(dir, "committed before kill -9");
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        ProcessHandle orphan = EmbeddedPostgresServer.postmaster(dir).orElseThrow(
                () -> new AssertionError("the postmaster should outlive the killed JVM"));
        assertThat(orphan.isAlive()).isTrue();

        try (EmbeddedPostgres pg = EmbeddedPostgresServer.start(dir)) {
            assertThat(orphan.isAlive()).as("orphaned postmaster is stopped before the new start").isFalse();
            assertThat(postmasterPid(dir)).isNotEqualTo(orphan.pid());
            assertThat(query(pg, "select value from crash_probe")).containsExactly("committed before kill -9");
        }
    }

    @Test
    void committedDataSurvivesKillOfPostgresItself() throws Exception {
        Path dir = AbstractIT.freshDataDir().resolve("pg");
        Process child = startChild(dir, "committed before crash");
        ProcessHandle postmaster = EmbeddedPostgresServer.postmaster(dir).orElseThrow();
        List<ProcessHandle> serverProcesses = new ArrayList<>(postmaster.descendants().toList());
        serverProcesses.add(postmaster);
        postmaster.destroyForcibly();
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // backends notice the postmaster's death and exit; until then they would still hold the shared memory
        for (ProcessHandle p : serverProcesses) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(dir.resolve("postmaster.pid")).as("stale pid file after the crash").exists();

        try (EmbeddedPostgres pg = EmbeddedPostgresServer.start(dir)) {
            assertThat(query(pg, "select value from crash_probe")).containsExactly("committed before crash");
        }
    }

    /** A child JVM on the test classpath that starts PostgreSQL on {@code dir}, commits a row and waits. */
    private static Process startChild(Path dir, String value) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path log = dir.resolveSibling("child.log");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresChild.class.getName(), dir.toString(), value)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).lines()
                    .anyMatch(l -> l.startsWith("READY "))) {
                return child;
            }
            if (!child.isAlive()) {
                throw new AssertionError("child JVM ended early:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        child.destroyForcibly();
        throw new AssertionError("child JVM did not get ready:\n" + Files.readString(log));
    }

    private static long postmasterPid(Path dir) {
        return EmbeddedPostgresServer.postmaster(dir).orElseThrow().pid();
    }

    private static void update(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(EmbeddedPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
