package de.kontor.wiki.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;

/** Exports (Markdown zip, print view) and the history feed of a page, for everyone who reads the page. */
@Service
public class WikiExport {

    /** One page of a print view: the page, its depth below the exported page and its rendered text. */
    public record Printed(WikiPage page, int depth, String html) {
    }

    private final WikiService wiki;
    private final WikiRepository pages;
    private final AttachmentRepository files;
    private final IdentityApi identity;
    private final String baseUrl;

    WikiExport(WikiService wiki, WikiRepository pages, AttachmentRepository files, IdentityApi identity,
               @Value("${kontor.base-url:http://localhost:8080}") String baseUrl) {
        this.wiki = wiki;
        this.pages = pages;
        this.files = files;
        this.identity = identity;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The page (and with {@code tree} every page below it) in tree order with depths. */
    List<Printed> print(KontorUser viewer, long spaceId, long pageId, boolean tree) {
        WikiPage root = wiki.readable(viewer, spaceId, pageId);
        List<Printed> out = new ArrayList<>();
        out.add(new Printed(root, 0, wiki.render(root, root.body()).html()));
        if (tree) {
            for (Walked w : below(root)) {
                WikiPage p = pages.find(w.node().id()).orElseThrow();
                out.add(new Printed(p, w.depth(), wiki.render(p, p.body()).html()));
            }
        }
        return out;
    }

    /**
     * A zip with one Markdown file per page; a page with subpages gets a folder of the same name next to its file,
     * so the zip mirrors the tree. A page's attachments go into a folder {@code <title>.files} next to it.
     */
    byte[] zip(KontorUser viewer, long spaceId, long pageId, boolean tree) {
        WikiPage root = wiki.readable(viewer, spaceId, pageId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            Set<String> used = new HashSet<>();
            write(zip, used, "", root);
            if (tree) {
                List<String> folders = new ArrayList<>();
                folders.add(fileName(root.title()));
                for (Walked w : below(root)) {
                    while (folders.size() > w.depth()) {
                        folders.removeLast();
                    }
                    WikiPage p = pages.find(w.node().id()).orElseThrow();
                    write(zip, used, String.join("/", folders) + "/", p);
                    folders.add(fileName(p.title()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void write(ZipOutputStream zip, Set<String> used, String folder, WikiPage p) throws IOException {
        String base = folder + fileName(p.title());
        for (int i = 2; !used.add(base.toLowerCase()); i++) {
            base = folder + fileName(p.title()) + "-" + i;
        }
        zip.putNextEntry(new ZipEntry(base + ".md"));
        zip.write(("# " + p.title() + "\n\n" + p.body() + (p.body().endsWith("\n") ? "" : "\n"))
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (Attachment a : files.list(p.id())) {
            zip.putNextEntry(new ZipEntry(base + ".files/" + fileName(a.name())));
            zip.write(files.data(a.id()));
            zip.closeEntry();
        }
    }

    static String fileName(String title) {
        String n = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return n.isEmpty() || n.startsWith(".") ? "_" + n : n;
    }

    private record Walked(TreeNode node, int depth) {
    }

    private List<Walked> below(WikiPage root) {
        List<Walked> out = new ArrayList<>();
        walk(find(pages.tree(root.spaceId()), root.id()), 1, out);
        return out;
    }

    private static void walk(List<TreeNode> nodes, int depth, List<Walked> out) {
        for (TreeNode n : nodes) {
            out.add(new Walked(n, depth));
            walk(n.children(), depth + 1, out);
        }
    }

    private static List<TreeNode> find(List<TreeNode> nodes, long id) {
        for (TreeNode n : nodes) {
            if (n.id() == id) {
                return n.children();
            }
            List<TreeNode> deeper = find(n.children(), id);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** The page's revisions as an Atom feed (newest 50), hand-written XML with every text escaped. */
    String atom(KontorUser viewer, long spaceId, long pageId) {
        WikiPage p = wiki.readable(viewer, spaceId, pageId);
        List<WikiRevision> revisions = wiki.revisions(viewer, spaceId, pageId);
        List<WikiRevision> newest = revisions.subList(0, Math.min(50, revisions.size()));
        Set<Long> authorIds = new HashSet<>();
        newest.forEach(r -> {
            if (r.authorId() != null) {
                authorIds.add(r.authorId());
            }
        });
        Map<Long, UserSummary> people = identity.findAll(authorIds);
        String pageUrl = baseUrl + p.url();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("  <id>").append(xml(pageUrl + "/history")).append("</id>\n");
        x.append("  <title>").append(xml(p.title())).append("</title>\n");
        x.append("  <updated>").append(time(p.updatedAt())).append("</updated>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(pageUrl)).append("\"/>\n");
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(xml(pageUrl + "/history.atom")).append("\"/>\n");
        for (int i = 0; i < newest.size(); i++) {
            WikiRevision r = newest.get(i);
            UserSummary author = r.authorId() == null ? null : people.get(r.authorId());
            String link = i + 1 < revisions.size()
                    ? pageUrl + "/diff?from=" + revisions.get(i + 1).id() + "&to=" + r.id()
                    : pageUrl + "/revisions/" + r.id();
            x.append("  <entry>\n");
            x.append("    <id>").append(xml(pageUrl + "/revisions/" + r.id())).append("</id>\n");
            x.append("    <title>").append(xml("#" + r.id() + " " + r.title()
                    + (r.note().isBlank() ? "" : " – " + r.note()))).append("</title>\n");
            x.append("    <updated>").append(time(r.createdAt())).append("</updated>\n");
            x.append("    <author><name>").append(xml(author == null ? "—" : author.displayName()))
                    .append("</name></author>\n");
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(link)).append("\"/>\n");
            x.append("    <content type=\"text\">").append(xml(r.body())).append("</content>\n");
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        return x.toString();
    }

    private static String time(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** XML-escaped text without the control characters XML 1.0 does not allow. */
    static String xml(String s) {
        return HtmlUtils.htmlEscape(s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", ""), "UTF-8");
    }
}
