package de.kontor.admin.internal.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kontor.bookmarks.BookmarkSaved;
import de.kontor.files.FileStore;
import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;

/**
 * The demo company's bookmarks (links of public sites; nothing is fetched while loading) and a few small files in
 * its spaces: a PDF generated here with PDFBox and text files, stored through {@link FileStore} like an upload. The
 * {@code demo_data} part "library" makes later starts add nothing; without it, links and files that exist are left
 * alone (keyed by person, space and address or name); missing people or spaces are skipped.
 */
@Component
@Profile("demo")
class DemoLibrary {

    static final String PART = "library";

    /** A saved link; {@code space} null means private to the person. */
    record Link(String person, String space, String url, String title, String note, List<String> tags,
                int daysAgo) {
    }

    /** A file; {@code pdf} files get {@code text} as their lines, others store it as UTF-8 text. */
    record DemoFile(String space, String uploader, String name, boolean pdf, String text) {
    }

    static final List<Link> LINKS = List.of(
            new Link("sabine.krueger", "Qualitätszirkel", "https://www.iso.org/iso-9001-quality-management.html",
                    "ISO 9001 – Qualitätsmanagement", "Übersicht der Norm, gut für neue Kolleginnen und Kollegen.",
                    List.of("iso9001", "qm"), 1),
            new Link("robert.hahn", "Qualitätszirkel", "https://www.iso.org/iso-9001-quality-management.html",
                    "ISO 9001", "Für das Audit im Frühjahr.", List.of("iso9001", "audit"), 0),
            new Link("robert.hahn", "Qualitätszirkel", "https://www.din.de/de", "DIN – Deutsches Institut für Normung",
                    "", List.of("normen"), 2),
            new Link("tobias.brandt", "IT-Helpdesk", "https://www.bsi.bund.de/DE/Themen/Unternehmen-und-Organisationen/"
                    + "Standards-und-Zertifizierung/IT-Grundschutz/it-grundschutz_node.html", "BSI IT-Grundschutz",
                    "Grundlage für unser Sicherheitskonzept.", List.of("sicherheit", "bsi"), 1),
            new Link("amira.haddad", "IT-Helpdesk", "https://www.bsi.bund.de/DE/Themen/Unternehmen-und-Organisationen/"
                    + "Standards-und-Zertifizierung/IT-Grundschutz/it-grundschutz_node.html", "IT-Grundschutz-Kompendium",
                    "", List.of("sicherheit"), 0),
            new Link("amira.haddad", "IT-Helpdesk", "https://help.sap.com/", "SAP Help Portal",
                    "Dokumentation zu S/4HANA.", List.of("sap"), 9),
            new Link("jens.hoffmann", "Vertrieb", "https://www.vdma.org/", "VDMA – Verband Deutscher Maschinen- und "
                    + "Anlagenbau", "Marktzahlen und Messetermine.", List.of("branche", "messe"), 2),
            new Link("julia.hartmann", "Vertrieb", "https://www.vdma.org/", "VDMA", "", List.of("branche"), 1),
            new Link("benedikt.huber", "Projekt MX-500", "https://de.wikipedia.org/wiki/Computerized_Numerical_Control",
                    "CNC – Grundlagen", "Zum Einlesen für das Projektteam.", List.of("cnc", "mx500"), 3),
            new Link("lukas.weber", null, "https://www.dguv.de/", "DGUV – Arbeitsschutz",
                    "Privat gemerkt für die Sicherheitsunterweisung.", List.of("arbeitsschutz"), 4),
            new Link("lukas.weber", null, "https://www.baua.de/", "BAuA – Bundesanstalt für Arbeitsschutz", "",
                    List.of("arbeitsschutz"), 20));

    static final List<DemoFile> FILES = List.of(
            new DemoFile("Qualitätszirkel", "sabine.krueger", "Prüfanweisung Fräsmaschine.pdf", true, """
                    Prüfanweisung Fräsmaschine DMU 65
                    1. Spindelrundlauf prüfen (max. 0,005 mm)
                    2. Kühlschmierstoff-Konzentration messen (6-8 %)
                    3. Ergebnisse im Prüfprotokoll eintragen"""),
            new DemoFile("Qualitätszirkel", "sabine.krueger", "Protokoll Qualitätszirkel Oktober.txt", false, """
                    Protokoll Qualitätszirkel – Oktober

                    Teilnehmende: Sabine Krüger, Robert Hahn
                    - Reklamationsquote im dritten Quartal: 1,8 % (Ziel: unter 2 %)
                    - Maßnahme: Wareneingangsprüfung für Lieferant B verschärfen
                    """),
            new DemoFile("Projekt MX-500", "benedikt.huber", "Lastenheft MX-500.pdf", true, """
                    Lastenheft Bearbeitungszentrum MX-500
                    Verfahrwege X/Y/Z: 800/650/550 mm
                    Steuerung: Heidenhain TNC 640
                    Liefertermin Prototyp: KW 12"""),
            new DemoFile("IT-Helpdesk", "tobias.brandt", "VPN-Einrichtung.txt", false, """
                    VPN einrichten

                    1. Client aus dem Softwarecenter installieren.
                    2. Server: vpn.muster-maschinenbau.de
                    3. Anmeldung mit dem Windows-Konto und dem Code aus der Authenticator-App.
                    """));

    private final JdbcClient jdbc;
    private final FileStore files;
    private final IdentityApi identity;
    private final ApplicationEventPublisher events;

    DemoLibrary(JdbcClient jdbc, FileStore files, IdentityApi identity, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.files = files;
        this.identity = identity;
        this.events = events;
    }

    /** Loads bookmarks and files unless loaded before; returns how many it wrote (0: nothing to do). */
    int load() {
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", PART).query(Boolean.class).single();
        if (done) {
            return 0;
        }
        int written = 0;
        for (Link l : LINKS) {
            Optional<Long> owner = person(l.person());
            Optional<Long> space = l.space() == null ? Optional.empty() : space(l.space());
            if (owner.isEmpty() || (l.space() != null && space.isEmpty())) {
                continue;
            }
            Long id = jdbc.sql("""
                            insert into bookmarks (owner_id, space_id, url, url_key, title, note, created_at, updated_at)
                            values (:o, :s, :u, :u, :t, :n, now() - make_interval(days => :d),
                                    now() - make_interval(days => :d))
                            on conflict do nothing returning id""")
                    .param("o", owner.get()).param("s", space.orElse(null)).param("u", l.url()).param("t", l.title())
                    .param("n", l.note()).param("d", l.daysAgo()).query(Long.class).optional().orElse(null);
            if (id == null) {
                continue;
            }
            for (String tag : l.tags()) {
                jdbc.sql("insert into bookmark_tags (bookmark_id, tag) values (:b, :t)").param("b", id)
                        .param("t", tag).update();
            }
            events.publishEvent(new BookmarkSaved(id, owner.get(), space.orElse(null)));
            written++;
        }
        for (DemoFile f : FILES) {
            Optional<KontorUser> uploader = person(f.uploader()).flatMap(identity::principal);
            Optional<Long> space = space(f.space());
            if (uploader.isEmpty() || space.isEmpty() || fileExists(space.get(), f.name())) {
                continue;
            }
            byte[] content = f.pdf() ? pdf(f.text()) : f.text().getBytes(StandardCharsets.UTF_8);
            files.store(uploader.get(), space.get(), f.name(), new ByteArrayInputStream(content));
            written++;
        }
        jdbc.sql("insert into demo_data (part, version) values (:part, 1)").param("part", PART).update();
        return written;
    }

    private Optional<Long> person(String key) {
        String email = DemoPeople.ALL.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().email();
        return jdbc.sql("select id from users where lower(email) = lower(:e)").param("e", email)
                .query(Long.class).optional();
    }

    /** A file of that name at the top of the space: loading without the marker must not add versions. */
    private boolean fileExists(long spaceId, String name) {
        return jdbc.sql("""
                        select exists (select 1 from files where space_id = :s and folder_id is null
                                       and lower(name) = lower(:n))""")
                .param("s", spaceId).param("n", name).query(Boolean.class).single();
    }

    private Optional<Long> space(String name) {
        return jdbc.sql("select id from spaces where lower(name) = lower(:n)").param("n", name)
                .query(Long.class).optional();
    }

    /** A one-page PDF with the lines of {@code text} (WinAnsi characters only: the standard Helvetica font). */
    static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.beginText();
                out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                out.setLeading(18);
                out.newLineAtOffset(60, 720);
                for (String line : text.strip().split("\n")) {
                    out.showText(line.strip());
                    out.newLine();
                }
                out.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
