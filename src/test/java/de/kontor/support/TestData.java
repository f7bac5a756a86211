package de.kontor.support;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.kontor.identity.Role;
import de.kontor.identity.internal.ApiTokens;
import de.kontor.identity.internal.UserRepository;

/** Creates test data with unique names through the application's own repositories. */
@TestComponent
public class TestData {

    private static final AtomicInteger SEQ = new AtomicInteger();
    public static final String PASSWORD = "correct horse battery";

    public record TestUser(long id, String email, String password, String displayName, Role role) {
    }

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final ApiTokens tokens;
    private final JdbcClient jdbc;

    public TestData(UserRepository users, PasswordEncoder encoder, ApiTokens tokens, JdbcClient jdbc) {
        this.users = users;
        this.encoder = encoder;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    /** A unique suffix for names in this JVM. */
    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    }

    public TestUser user(Role role) {
        String name = unique(role.name().toLowerCase());
        String email = name + "@example.test";
        long id = users.create(email, encoder.encode(PASSWORD), "Test " + name, role);
        return new TestUser(id, email, PASSWORD, "Test " + name, role);
    }

    public TestUser admin() {
        return user(Role.ADMIN);
    }

    public TestUser member() {
        return user(Role.MEMBER);
    }

    public TestUser guest() {
        return user(Role.GUEST);
    }

    public void deactivate(TestUser user) {
        jdbc.sql("update users set active = false where id = :id").param("id", user.id()).update();
    }

    public String token(TestUser user, String... scopes) {
        return tokens.create(user.id(), unique("token"), Set.of(scopes), null).secret();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public Instant now() {
        return Instant.now();
    }
}
