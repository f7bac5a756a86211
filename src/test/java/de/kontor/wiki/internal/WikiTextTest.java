package de.kontor.wiki.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kontor.shared.DomainException;

/** Wiki Markdown, diffs and the small text rules of the wiki, without Spring. */
class WikiTextTest {

    @Test
    void linksAreFoundOutsideCodeAndRenderedAsPageOrCreateLinks() {
        String text = "Siehe [[Urlaub]] und [[Neue Seite|hier]], aber nicht `[[Code]]`.";
        assertThat(WikiText.links(text)).contains("urlaub", "neue seite");
        String html = WikiText.render(text, 7, Map.of("urlaub", 3L), "/a/").html();
        assertThat(html).contains("<a href=\"/spaces/7/wiki/3\"")
                .contains("<a class=\"wiki-missing\" href=\"/spaces/7/wiki/new?title&#61;Neue&#43;Seite\"")
                .contains(">hier</a>")
                .contains("<code>[[Code]]</code>");
    }

    @Test
    void headingsGetUniqueAnchorsAndFormTheTableOfContents() {
        WikiText.Rendered r = WikiText.render("# Über uns\n\n## Ziele\n\n## Ziele\n\n<h3 onclick=\"x()\">Roh</h3>", 1,
                Map.of(), "/a/");
        assertThat(r.toc()).extracting(WikiText.Heading::anchor)
                .containsExactly("h-über-uns", "h-ziele", "h-ziele-2", "h-roh");
        assertThat(r.html()).contains("<h2 id=\"h-ziele-2\">Ziele</h2>").doesNotContain("onclick");
    }

    @Test
    void attachmentReferencesPointToThePageAndScriptsAreRemoved() {
        String html = WikiText.render("![Plan](<attachment:hallen plan.png>) <script>alert(1)</script>"
                + " [x](javascript:alert(1))", 1, Map.of(), "/spaces/1/wiki/2/attachments/").html();
        assertThat(html).contains("src=\"/spaces/1/wiki/2/attachments/hallen%20plan.png\"")
                .doesNotContain("<script").doesNotContain("javascript:");
    }

    @Test
    void diffsCountChangedLines() {
        WikiRevision a = new WikiRevision(1, 1, "T", "eins\nzwei\ndrei", "", 1L, Instant.now());
        WikiRevision b = new WikiRevision(2, 1, "T", "eins\nZWEI\ndrei\nvier", "", 1L, Instant.now());
        WikiDiff d = WikiDiff.of(a, b);
        assertThat(d.added()).isEqualTo(2);
        assertThat(d.removed()).isEqualTo(1);
        assertThat(d.inline()).extracting(WikiDiff.Line::sign).contains('-', '+', ' ');
        assertThat(WikiDiff.of(a, a).identical()).isTrue();
    }

    @Test
    void titlesLabelsAndFileNamesAreChecked() {
        assertThatThrownBy(() -> WikiService.validate(new WikiService.Draft(" ", "", null, null)))
                .isInstanceOf(DomainException.Invalid.class);
        assertThatThrownBy(() -> WikiService.validate(new WikiService.Draft("a]]b", "", null, null)))
                .isInstanceOf(DomainException.Invalid.class);
        assertThat(WikiService.validate(new WikiService.Draft(" Titel ", "x\r\ny", null, "#IT, it; Onboarding"))
                .labels()).containsExactly("it", "onboarding");
        assertThat(Attachments.name("C:\\temp\\..\\plan (neu).png")).isEqualTo("plan neu.png");
        assertThatThrownBy(() -> Attachments.name("../")).isInstanceOf(DomainException.Invalid.class);
        assertThat(WikiExport.fileName("Q3/Q4: Plan?")).isEqualTo("Q3_Q4_ Plan_");
        assertThat(WikiExport.xml("a & <b> \u0001")).isEqualTo("a &amp; &lt;b&gt; ");
    }
}
