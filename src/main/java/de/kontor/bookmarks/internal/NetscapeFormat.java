package de.kontor.bookmarks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/** The Netscape bookmark file that every browser imports and exports ({@code <!DOCTYPE NETSCAPE-Bookmark-file-1>}). */
final class NetscapeFormat {

    /** One link of a bookmark file, as written there (not yet checked). */
    record Entry(String url, String title, String note, List<String> tags, Instant addDate) {
    }

    private NetscapeFormat() {
    }

    /** Every {@code <A HREF>} of the file; {@code <DD>} after a link is its note. */
    static List<Entry> parse(InputStream in) {
        org.jsoup.nodes.Document doc;
        try {
            doc = Jsoup.parse(in, StandardCharsets.UTF_8.name(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            String tags = a.attr("tags");
            Instant added = null;
            try {
                long seconds = Long.parseLong(a.attr("add_date").strip());
                added = seconds > 0 && seconds < 32_503_680_000L ? Instant.ofEpochSecond(seconds) : null;
            } catch (NumberFormatException e) {
                added = null;
            }
            Element dt = a.parent();
            Element next = dt == null ? null : dt.nextElementSibling();
            String note = next != null && next.tagName().equals("dd") ? next.ownText().strip() : "";
            entries.add(new Entry(a.attr("href").strip(), a.text().strip(), note,
                    tags.isBlank() ? List.of() : Arrays.stream(tags.split(",")).map(String::strip)
                            .filter(t -> !t.isEmpty()).toList(), added));
        }
        return entries;
    }

    /** The bookmarks as a file browsers import; private ones are marked {@code PRIVATE="1"}. */
    static String write(List<Bookmark> bookmarks, String folder) {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE NETSCAPE-Bookmark-file-1>
                <!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->
                <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
                <TITLE>Bookmarks</TITLE>
                <H1>Bookmarks</H1>
                <DL><p>
                """);
        sb.append("    <DT><H3>").append(Entities.escape(folder)).append("</H3>\n    <DL><p>\n");
        for (Bookmark b : bookmarks) {
            sb.append("        <DT><A HREF=\"").append(attr(b.url())).append("\" ADD_DATE=\"")
                    .append(b.createdAt().getEpochSecond()).append("\" LAST_MODIFIED=\"")
                    .append(b.updatedAt().getEpochSecond()).append('"');
            if (!b.tags().isEmpty()) {
                sb.append(" TAGS=\"").append(attr(String.join(",", b.tags()))).append('"');
            }
            if (b.isPrivate()) {
                sb.append(" PRIVATE=\"1\"");
            }
            sb.append('>').append(Entities.escape(b.title())).append("</A>\n");
            if (!b.note().isBlank()) {
                sb.append("        <DD>").append(Entities.escape(b.note())).append('\n');
            }
        }
        sb.append("    </DL><p>\n</DL><p>\n");
        return sb.toString();
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
