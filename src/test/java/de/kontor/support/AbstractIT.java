package de.kontor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *IT}: the whole application on a random port over one embedded PostgreSQL per JVM (a fresh
 * data directory per test run). Tests create their own users and spaces with unique names instead of wiping tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kontor.login.max-failures-per-ip=1000",
        // indirect, so that a subclass's own @DynamicPropertySource for kontor.data-dir takes precedence
        "kontor.data-dir=${kontor.test.shared-data-dir}",
        "logging.level.root=WARN"})
@Import(TestData.class)
public abstract class AbstractIT {

    private static final Path DATA_DIR = freshDataDir();

    /**
     * A new, empty data directory under target/. A test class that needs other settings (and so another Spring
     * context) must register its own directory: two PostgreSQL servers can never share one.
     */
    public static Path freshDataDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void kontorProperties(DynamicPropertyRegistry registry) {
        registry.add("kontor.test.shared-data-dir", DATA_DIR::toString);
        registry.add("kontor.db.url", () -> "");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestData data;

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A browser-like client (cookies, CSRF from the page) signed in as the given user. */
    protected WebSession login(TestData.TestUser user) {
        return WebSession.login(baseUrl(), user.email(), user.password());
    }

    /** An anonymous browser-like client. */
    protected WebSession anonymous() {
        return new WebSession(baseUrl());
    }

    /**
     * Clients for the viewer kinds of a matrix test: a signed-in session and a token client per user; the
     * {@code deactivated} user is deactivated after getting a token and is refused at sign-in; {@code anonymous}
     * gets clients without credentials.
     */
    protected <V extends Enum<V>> void connect(Map<V, TestData.TestUser> users, V deactivated, V anonymous,
                                               Map<V, WebSession> sessions, Map<V, ApiClient> apis) {
        users.forEach((v, u) -> {
            apis.put(v, api(u));
            if (v != deactivated) {
                sessions.put(v, login(u));
            }
        });
        data.deactivate(users.get(deactivated));
        WebSession refused = anonymous();
        assertThat(refused.submitLogin(users.get(deactivated).email(), TestData.PASSWORD).location())
                .endsWith("/login?disabled");
        sessions.put(deactivated, refused);
        sessions.put(anonymous, anonymous());
        apis.put(anonymous, new ApiClient(baseUrl(), null));
    }

    /** A JSON API client authenticated with a personal access token of the user (all scopes). */
    protected ApiClient api(TestData.TestUser user) {
        return new ApiClient(baseUrl(), data.token(user, "read", "write", "admin"));
    }
}
