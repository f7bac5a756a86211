package de.kontor.bookmarks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.kontor.shared.DomainException;

/** Link keys, tags and the Netscape bookmark file, without Spring. */
class LinksTest {

    @Test
    void theKeyIgnoresCaseOfSchemeAndHostDefaultPortsAndFragments() {
        assertThat(Links.key(URI.create("HTTPS://Example.ORG:443/a/B?x=1#teil")))
                .isEqualTo("https://example.org/a/B?x=1");
        assertThat(Links.key(URI.create("http://example.org"))).isEqualTo("http://example.org/");
        assertThat(Links.key(URI.create("http://example.org:8080/"))).isEqualTo("http://example.org:8080/");
    }

    @Test
    void tagsAreLowerCaseUniqueAndChecked() {
        assertThat(Links.tags("SAP, #erp  sap,Qualität")).containsExactly("sap", "erp", "qualität");
        assertThat(Links.tags(" ")).isEmpty();
        assertThatThrownBy(() -> Links.tags("<script>")).isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> Links.tags("a b c d e f g h i j k")).isInstanceOf(DomainException.Invalid.class);
    }

    @Test
    void netscapeFilesRoundTrip() {
        Bookmark b = new Bookmark(1, 2, null, "https://example.org/?a=1&b=\"2\"", "https://example.org/",
                "Tom & Jerry <3", "Notiz", List.of("a", "b"), Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_100));
        String html = NetscapeFormat.write(List.of(b), "Kontor");
        assertThat(html).startsWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>")
                .contains("HREF=\"https://example.org/?a=1&amp;b=&quot;2&quot;\"").contains("PRIVATE=\"1\"");
        List<NetscapeFormat.Entry> parsed = NetscapeFormat.parse(
                new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed).hasSize(1);
        NetscapeFormat.Entry e = parsed.getFirst();
        assertThat(e.url()).isEqualTo(b.url());
        assertThat(e.title()).isEqualTo("Tom & Jerry <3");
        assertThat(e.note()).isEqualTo("Notiz");
        assertThat(e.tags()).containsExactly("a", "b");
        assertThat(e.addDate()).isEqualTo(b.createdAt());
    }
}
