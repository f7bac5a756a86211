package de.kontor.mail.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MailTokensTest {

    private final MailTokens tokens = new MailTokens(new MailSettings("k@x.test", "x.test", "test-secret",
            Duration.ofDays(30), Duration.ofSeconds(10), Duration.ofMinutes(1), 12, Duration.ofMinutes(5),
            DataSize.ofMegabytes(20), null), null);

    @Test
    void replyTokensAreShortLowerCaseSignedAndExpire() {
        Instant now = Instant.parse("2026-11-25T09:00:00Z");
        String token = tokens.reply(1234, 987654, now);
        assertThat(("reply+" + token).length()).isLessThanOrEqualTo(64);
        assertThat(token).matches("[0-9a-z-]+");
        MailTokens.ReplyCheck ok = tokens.verifyReply(token.toUpperCase(), now.plus(Duration.ofDays(29)));
        assertThat(ok.check()).isEqualTo(MailTokens.Check.VALID);
        assertThat(ok.reply().userId()).isEqualTo(1234);
        assertThat(ok.reply().postId()).isEqualTo(987654);
        assertThat(tokens.verifyReply(token, now.plus(Duration.ofDays(31))).check()).isEqualTo(MailTokens.Check.EXPIRED);
        String otherPost = token.replaceFirst("-[0-9a-z]+-", "-" + Long.toString(987655, 36) + "-");
        assertThat(tokens.verifyReply(otherPost, now).check()).isEqualTo(MailTokens.Check.BAD);
        assertThat(tokens.verifyReply("nonsense", now).check()).isEqualTo(MailTokens.Check.BAD);
    }

    @Test
    void unsubscribeTokensNameThePersonAndTheType() {
        String token = tokens.unsubscribe(42, "MENTIONED");
        assertThat(tokens.verifyUnsubscribe(token)).contains(new MailTokens.Unsubscribe(42, "MENTIONED"));
        assertThat(tokens.verifyUnsubscribe(token.replace("42.", "43."))).isEmpty();
        assertThat(tokens.verifyUnsubscribe(token.replace("MENTIONED", "DIGEST"))).isEmpty();
    }
}
