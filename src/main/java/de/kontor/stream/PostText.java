package de.kontor.stream;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

import de.kontor.shared.Markdown;

/**
 * The text of a post or comment: Markdown rendered to sanitized HTML, with hashtags and mentions turned into links
 * on the parsed document (text nodes only, never inside code or links), so no user input is ever concatenated into
 * HTML.
 *
 * <ul>
 * <li>Hashtag: {@code #word} (a letter, then letters, digits, {@code _} or {@code -}; up to 50 characters), stored
 * lower-case and linked to {@code /tags/word}.</li>
 * <li>Mention: {@code @[Display Name](user:ID)}, the form the autocomplete inserts; linked to the profile
 * {@code /people/ID}. Any other {@code @word} stays plain text.</li>
 * </ul>
 */
public final class PostText {

    /** The text limit of posts and comments. */
    public static final int MAX_LENGTH = 20_000;

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/#])#(\\p{L}[\\p{L}\\p{N}_-]{0,49})");
    private static final Pattern MENTION_TARGET = Pattern.compile("user:(\\d{1,18})");

    /** The rendered HTML plus the tags and the ids of mentioned people found in the text. */
    public record Rendered(String html, Set<String> tags, Set<Long> mentions) {
    }

    private PostText() {
    }

    public static Rendered render(String markdown) {
        Set<String> tags = new LinkedHashSet<>();
        Set<Long> mentions = new LinkedHashSet<>();
        String html = Markdown.toSafeHtml(markdown, document -> document.accept(new Linker(tags, mentions)));
        return new Rendered(html, tags, mentions);
    }

    private static final class Linker extends AbstractVisitor {
        private final Set<String> tags;
        private final Set<Long> mentions;

        Linker(Set<String> tags, Set<Long> mentions) {
            this.tags = tags;
            this.mentions = mentions;
        }

        @Override
        public void visit(Link link) {
            Matcher m = MENTION_TARGET.matcher(link.getDestination());
            if (m.matches() && link.getPrevious() instanceof Text before && before.getLiteral().endsWith("@")) {
                long id = Long.parseLong(m.group(1));
                mentions.add(id);
                before.setLiteral(before.getLiteral().substring(0, before.getLiteral().length() - 1));
                link.setDestination("/people/" + id);
                link.prependChild(new Text("@"));
            }
            // no hashtags inside link texts: a link in a link is not allowed
        }

        @Override
        public void visit(Code code) {
            // inline code stays literal
        }

        @Override
        public void visit(Text text) {
            if (inLink(text)) {
                return;
            }
            Matcher m = HASHTAG.matcher(text.getLiteral());
            List<Node> parts = new ArrayList<>();
            int last = 0;
            String literal = text.getLiteral();
            while (m.find()) {
                String tag = m.group(1).toLowerCase(Locale.ROOT);
                tags.add(tag);
                if (m.start() > last) {
                    parts.add(new Text(literal.substring(last, m.start())));
                }
                Link link = new Link("/tags/" + tag, null);
                link.appendChild(new Text("#" + m.group(1)));
                parts.add(link);
                last = m.end();
            }
            if (parts.isEmpty()) {
                return;
            }
            if (last < literal.length()) {
                parts.add(new Text(literal.substring(last)));
            }
            for (Node part : parts) {
                text.insertBefore(part);
            }
            text.unlink();
        }

        private static boolean inLink(Node node) {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof Link) {
                    return true;
                }
            }
            return false;
        }
    }
}
