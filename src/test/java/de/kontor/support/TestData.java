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

    // spaces

    public record TestSpace(long id, String name) {
    }

    /** A space with the given visibility (PUBLIC, PRIVATE, SECRET) and its owner, written straight to the tables. */
    public TestSpace space(String visibility, TestUser owner) {
        String name = unique("Space " + visibility.toLowerCase());
        long id = jdbc.sql("insert into spaces (name, visibility, created_by) values (:n, :v, :u) returning id")
                .param("n", name).param("v", visibility).param("u", owner.id()).query(Long.class).single();
        addMember(new TestSpace(id, name), owner, "OWNER");
        return new TestSpace(id, name);
    }

    public void addMember(TestSpace space, TestUser user, String role) {
        jdbc.sql("insert into space_members (space_id, user_id, role, guest) values (:s, :u, :r, :g)")
                .param("s", space.id()).param("u", user.id()).param("r", role).param("g", user.role() == Role.GUEST)
                .update();
    }

    public void invite(TestSpace space, TestUser user, TestUser by) {
        jdbc.sql("insert into space_invitations (space_id, user_id, invited_by) values (:s, :u, :b)")
                .param("s", space.id()).param("u", user.id()).param("b", by.id()).update();
    }

    public void requestJoin(TestSpace space, TestUser user) {
        jdbc.sql("insert into space_join_requests (space_id, user_id) values (:s, :u)")
                .param("s", space.id()).param("u", user.id()).update();
    }

    public void archive(TestSpace space) {
        jdbc.sql("update spaces set archived_at = now() where id = :s").param("s", space.id()).update();
    }

    /** The member's role in the space, or null when they are not a member. */
    public String spaceRole(TestSpace space, TestUser user) {
        return jdbc.sql("select role from space_members where space_id = :s and user_id = :u")
                .param("s", space.id()).param("u", user.id()).query(String.class).optional().orElse(null);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public Instant now() {
        return Instant.now();
    }
}
