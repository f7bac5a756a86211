package de.kontor.wiki.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.springframework.web.util.HtmlUtils;

import de.kontor.shared.Markdown;

/**
 * Wiki Markdown: the same rendering and sanitizing as posts ({@link Markdown}), plus {@code [[Page title]]} and
 * {@code [[Page title|label]]} links, {@code attachment:name} references and heading anchors for the table of
 * contents. Anchors and the "missing page" class are added to the sanitized HTML, because the sanitizer (rightly)
 * drops ids and classes coming from user input.
 */
public final class WikiText {

    static final Pattern LINK = Pattern.compile("\\[\\[([^\\[\\]\\n|]{1,200})(?:\\|([^\\[\\]\\n]{1,200}))?]]");
    private static final Pattern HEADING = Pattern.compile("<h([1-6])>(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    /** One heading of the table of contents. */
    public record Heading(int level, String text, String anchor) {
    }

    public record Rendered(String html, List<Heading> toc) {
    }

    private WikiText() {
    }

    /** The lower-cased titles the text links to with {@code [[...]]}. */
    static Set<String> links(String body) {
        Set<String> titles = new LinkedHashSet<>();
        if (body == null) {
            return titles;
        }
        Matcher m = LINK.matcher(body);
        while (m.find()) {
            String t = m.group(1).strip();
            if (!t.isEmpty()) {
                titles.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return titles;
    }

    /**
     * Safe HTML for a page's text. {@code existing} maps lower-cased titles to page ids (links to other titles
     * become "create this page" links); {@code attachmentBase} is the URL prefix of the page's attachments.
     */
    static Rendered render(String body, long spaceId, Map<String, Long> existing, String attachmentBase) {
        String wikiBase = "/spaces/" + spaceId + "/wiki/";
        String html = Markdown.toSafeHtml(body, doc -> doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                linkify(text, wikiBase, existing);
            }

            @Override
            public void visit(Code code) {
                // code spans stay literal
            }

            @Override
            public void visit(Image image) {
                image.setDestination(attachment(image.getDestination(), attachmentBase));
                visitChildren(image);
            }

            @Override
            public void visit(Link link) {
                link.setDestination(attachment(link.getDestination(), attachmentBase));
                visitChildren(link);
            }
        }));
        html = html.replace("<a href=\"" + wikiBase + "new?", "<a class=\"wiki-missing\" href=\"" + wikiBase + "new?");
        return anchors(html);
    }

    private static String attachment(String destination, String attachmentBase) {
        if (destination != null && destination.startsWith("attachment:")) {
            return attachmentBase + URLEncoder.encode(destination.substring("attachment:".length()),
                    StandardCharsets.UTF_8).replace("+", "%20");
        }
        return destination;
    }

    private static void linkify(Text text, String wikiBase, Map<String, Long> existing) {
        String literal = text.getLiteral();
        Matcher m = LINK.matcher(literal);
        if (!m.find()) {
            return;
        }
        List<Node> parts = new ArrayList<>();
        int last = 0;
        do {
            if (m.start() > last) {
                parts.add(new Text(literal.substring(last, m.start())));
            }
            String title = m.group(1).strip();
            String label = m.group(2) == null ? title : m.group(2).strip();
            Long id = existing.get(title.toLowerCase(Locale.ROOT));
            String href = id != null ? wikiBase + id
                    : wikiBase + "new?title=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
            Link link = new Link(href, null);
            link.appendChild(new Text(label));
            parts.add(link);
            last = m.end();
        } while (m.find());
        if (last < literal.length()) {
            parts.add(new Text(literal.substring(last)));
        }
        for (Node part : parts) {
            text.insertBefore(part);
        }
        text.unlink();
    }

    /** Gives every heading a unique anchor and collects the table of contents. */
    private static Rendered anchors(String html) {
        List<Heading> toc = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Matcher m = HEADING.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int level = Integer.parseInt(m.group(1));
            String text = HtmlUtils.htmlUnescape(TAG.matcher(m.group(2)).replaceAll("")).strip();
            String anchor = slug(text);
            String unique = anchor;
            for (int i = 2; !used.add(unique); i++) {
                unique = anchor + "-" + i;
            }
            toc.add(new Heading(level, text, unique));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "<h" + level + " id=\"" + unique + "\">" + m.group(2) + "</h" + level + ">"));
        }
        m.appendTail(out);
        return new Rendered(out.toString(), toc);
    }

    static String slug(String text) {
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        return "h-" + (s.isEmpty() ? "section" : s.length() > 60 ? s.substring(0, 60) : s);
    }
}
