package de.kontor.shared.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL 17 on a data directory with durable settings. Kept apart from the Spring
 * configuration so that the crash-recovery test can start exactly the same server in a child JVM and kill it.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private EmbeddedPostgresServer() {
    }

    /**
     * Starts PostgreSQL on {@code dataDir} (initialised on first use, reused afterwards). A postmaster left over from
     * a killed JVM is stopped first. Closing the returned instance stops the server; the caller must close it.
     */
    public static EmbeddedPostgres start(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
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
                // the owner closes it (Spring: after every bean using the DataSource); the library's own JVM
                // shutdown hook would stop the server while the application is still shutting down
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", pg.getPort(), dir,
                (System.nanoTime() - start) / 1_000_000);
        return pg;
    }

    /**
     * After a {@code kill -9} of the JVM the postmaster survives, holding the data directory and its port. Stop it
     * (fast shutdown) so that a fresh one can start on the same data.
     */
    static void stopOrphanedPostmaster(Path dataDir) {
        Optional<ProcessHandle> handle = postmaster(dataDir);
        if (handle.isEmpty()) {
            return; // none, or a stale pid file: postgres recovers from it by itself
        }
        long pid = handle.get().pid();
        log.warn("Stopping orphaned PostgreSQL (pid {}) that still holds {}", pid, dataDir);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            handle.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the orphaned PostgreSQL process " + pid
                    + " holding " + dataDir + "; stop it by hand", e);
        }
    }

    /** The live postmaster process named in {@code postmaster.pid} of the data directory, if there is one. */
    public static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        // a pid reused by an unrelated process does not count
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").contains("postgres"));
    }
}
