package de.kontor.stream.internal;

import de.kontor.stream.PostText;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void hashtagsBecomeLowerCaseTagLinks() {
        PostText.Rendered r = PostText.render("Release #Kontor-2 and #über_alles, not a#b or `#code`");
        assertThat(r.tags()).containsExactly("kontor-2", "über_alles");
        assertThat(r.html()).contains("<a href=\"/tags/kontor-2\" rel=\"nofollow\">#Kontor-2</a>")
                .contains("<code>#code</code>").doesNotContain("/tags/b").doesNotContain("/tags/code");
    }

    @Test
    void mentionsLinkToTheProfileAndAreCollected() {
        PostText.Rendered r = PostText.render("Hi @[Anna Beck](user:42), see [docs](https://example.org) #x");
        assertThat(r.mentions()).containsExactly(42L);
        assertThat(r.html()).contains("<a href=\"/people/42\" rel=\"nofollow\">&#64;Anna Beck</a>")
                .contains("https://example.org");
        // a user: link without the @ is not a mention, and the sanitizer drops the unknown protocol
        PostText.Rendered plain = PostText.render("[Anna](user:42)");
        assertThat(plain.mentions()).isEmpty();
        assertThat(plain.html()).doesNotContain("user:42");
    }

    @Test
    void nothingUnsafeSurvivesAroundTagsAndMentions() {
        PostText.Rendered r = PostText.render("#<script>alert(1)</script> @[<img src=x onerror=alert(1)>](user:7)"
                + " <a href=\"javascript:alert(1)\">#click</a> #tag\"onmouseover=\"x");
        assertThat(r.html()).doesNotContain("<script").doesNotContain("onerror").doesNotContain("javascript:")
                .doesNotContain("onmouseover=\"");
        assertThat(r.tags()).contains("tag");
    }

    @Test
    void tagsInsideLinksStayText() {
        PostText.Rendered r = PostText.render("[see #inside](https://example.org/#anchor)");
        assertThat(r.tags()).isEmpty();
        assertThat(r.html()).doesNotContain("/tags/");
    }
}
