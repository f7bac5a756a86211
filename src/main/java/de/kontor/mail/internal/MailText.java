package de.kontor.mail.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The new words of an incoming mail: HTML converted to plain text (no markup survives; the text then goes through
 * the stream's Markdown rendering like anything typed), quoted earlier mails and signatures removed.
 */
final class MailText {

    /** "On Mon, 23 Nov 2026 Anna wrote:", "Am 23.11.2026 um 10:00 schrieb Anna:" and the like. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On\\b.{0,200}\\bwrote:|Am\\b.{0,200}\\bschrieb.{0,200}:|Le\\b.{0,200}\\ba écrit\\s?:)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL = Pattern.compile(
            "^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Forwarded message|Weitergeleitete Nachricht)"
                    + "\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE);
    /** Outlook quotes without "&gt;": a header block "From: …" / "Von: …" starts the old mail. */
    private static final Pattern OUTLOOK_HEADER = Pattern.compile("^(From|Von|De):\\s.+$");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5",
            "h6", "pre", "table", "ul", "ol", "hr", "section", "article", "header", "footer");

    private MailText() {
    }

    /** Removes quoted lines, the quoted earlier mail after its attribution line, and the signature. */
    static String newContent(String text) {
        List<String> kept = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String trimmed = line.strip();
            if (line.equals("-- ") || trimmed.equals("--") || ORIGINAL.matcher(trimmed).matches()
                    || ATTRIBUTION.matcher(trimmed).matches() || trimmed.equals("__________")
                    || (OUTLOOK_HEADER.matcher(trimmed).matches() && !kept.isEmpty()
                    && kept.getLast().isBlank())) {
                break;
            }
            if (trimmed.startsWith(">")) {
                continue;
            }
            kept.add(line.stripTrailing());
        }
        return String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The visible text of an HTML mail: block elements become line breaks, quotes are dropped. */
    static String fromHtml(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("blockquote, script, style, head, title, .gmail_quote, #divRplyFwdMsg").remove();
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.text());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !out.isEmpty()
                        && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName()) && !e.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        });
        return out.toString().replace('\u00a0', ' ').replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
