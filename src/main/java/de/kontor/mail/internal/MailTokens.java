package de.kontor.mail.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed tokens in mails: one-click unsubscribe links and reply addresses. The key is {@code kontor.mail.token-secret}
 * or, when that is not set, a random key generated once and kept in {@code mail_secrets} (shared by every node).
 * Reply tokens are lower-case only (mail servers may fold the local part) and short (a local part has 64 characters).
 */
@Component
class MailTokens {

    /** An unsubscribe token names the person and what to stop: a notification type or {@link #DIGEST}. */
    record Unsubscribe(long userId, String what) {
    }

    /** A reply token names the person the notification went to and the post. */
    record Reply(long userId, long postId, Instant expires) {
    }

    enum Check { VALID, BAD, EXPIRED }

    record ReplyCheck(Check check, Reply reply) {
    }

    static final String DIGEST = "DIGEST";

    private static final Pattern UNSUBSCRIBE = Pattern.compile("(\\d{1,18})\\.([A-Z_]{1,40})\\.([0-9a-f]{32})");
    private static final Pattern REPLY = Pattern.compile("([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-z]{1,8})-([0-9a-f]{20})");

    private final MailSettings settings;
    private final JdbcClient jdbc;
    private volatile byte[] key;

    MailTokens(MailSettings settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    String unsubscribe(long userId, String what) {
        return userId + "." + what + "." + sign("u|" + userId + "|" + what, 16);
    }

    Optional<Unsubscribe> verifyUnsubscribe(String token) {
        Matcher m = UNSUBSCRIBE.matcher(token == null ? "" : token);
        if (!m.matches()) {
            return Optional.empty();
        }
        long userId = Long.parseLong(m.group(1));
        return same(sign("u|" + userId + "|" + m.group(2), 16), m.group(3))
                ? Optional.of(new Unsubscribe(userId, m.group(2))) : Optional.empty();
    }

    /** The token of a reply address; it expires after {@code kontor.mail.reply-token-validity} (whole hours). */
    String reply(long userId, long postId, Instant now) {
        long hours = now.plus(settings.replyTokenValidity()).getEpochSecond() / 3600 + 1;
        String payload = Long.toString(userId, 36) + "-" + Long.toString(postId, 36) + "-" + Long.toString(hours, 36);
        return payload + "-" + sign("r|" + payload, 10);
    }

    ReplyCheck verifyReply(String token, Instant now) {
        Matcher m = REPLY.matcher(token == null ? "" : token.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return new ReplyCheck(Check.BAD, null);
        }
        String payload = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        if (!same(sign("r|" + payload, 10), m.group(4))) {
            return new ReplyCheck(Check.BAD, null);
        }
        Reply reply = new Reply(Long.parseLong(m.group(1), 36), Long.parseLong(m.group(2), 36),
                Instant.ofEpochSecond(Long.parseLong(m.group(3), 36) * 3600));
        return new ReplyCheck(reply.expires().isBefore(now) ? Check.EXPIRED : Check.VALID, reply);
    }

    private String sign(String data, int bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] full = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(full, 0, bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String configured = settings.tokenSecret();
            k = configured != null && !configured.isBlank()
                    ? configured.getBytes(StandardCharsets.UTF_8) : storedKey();
            key = k;
        }
        return k;
    }

    /** Several nodes may start at once: the first insert wins and everyone reads the stored value. */
    private byte[] storedKey() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into mail_secrets (name, value) values ('token-secret', :v) on conflict do nothing")
                .param("v", HexFormat.of().formatHex(fresh)).update();
        return HexFormat.of().parseHex(jdbc.sql("select value from mail_secrets where name = 'token-secret'")
                .query(String.class).single());
    }
}
