package de.kontor.shared;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import de.kontor.shared.internal.EmbeddedPostgresServer;

/**
 * Run in a child JVM by {@link EmbeddedPostgresIT}: starts the embedded PostgreSQL on the data directory given as
 * first argument, commits the row given as second argument, prints {@code READY <port>} and waits to be killed.
 */
public final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgresServer.start(Path.of(args[0]));
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists crash_probe (value text not null)");
            s.execute("insert into crash_probe (value) values ('" + args[1].replace("'", "''") + "')");
        }
        System.out.println("READY " + pg.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
