package de.kontor.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/** The pre-encoded SSE frame that every stream receives as it is. */
class LiveHubFrameTest {

    private static String text(LiveEvent e) {
        DataWithMediaType only = LiveHub.frame(e).iterator().next();
        return new String((byte[]) only.getData(), StandardCharsets.UTF_8);
    }

    @Test
    void oneFrameWithIdNameAndData() {
        LiveEvent e = new LiveEvent(42, null, 7L, false, "post", "{\"postId\":\"9\",\"body\":\"Größe\"}");
        assertThat(text(e)).isEqualTo("id:42\nevent:post\ndata:{\"postId\":\"9\",\"body\":\"Größe\"}\n\n");
    }

    @Test
    void everyLineOfAPayloadBecomesADataLine() {
        LiveEvent e = new LiveEvent(1, 5L, null, false, "message", "a\nb\r\nc");
        assertThat(text(e)).isEqualTo("id:1\nevent:message\ndata:a\ndata:b\ndata:c\n\n");
    }
}
