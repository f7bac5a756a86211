package de.kontor.files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;

/**
 * Base of the test classes that need small file limits or an allow-listed loopback address for link previews: they
 * share one application context (and one PostgreSQL) of their own, separate from the default one.
 */
public abstract class LimitedSettings extends AbstractIT {

    public static final long MAX_FILE = 64 * 1024;
    public static final long MAX_SPACE = 160 * 1024;
    private static final java.nio.file.Path DATA_DIR = freshDataDir();

    @DynamicPropertySource
    static void limitedProperties(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", DATA_DIR::toString);
        registry.add("kontor.files.max-file-size", () -> MAX_FILE + "B");
        registry.add("kontor.files.max-space-size", () -> MAX_SPACE + "B");
        registry.add("kontor.outbound.allowed-hosts", () -> "127.0.0.1");
    }
}
