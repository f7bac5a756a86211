package de.kontor.admin.internal.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The activity stream of the demo company: posts, comments, reactions and follows in the demo spaces, telling the
 * DEMO.md story (the MX-400 spindle that gets loud after 2,000 operating hours) between everyday company life.
 * <p>
 * About 80 hand-written posts with their conversations, plus families of posts written as templates (service
 * calls, helpdesk tickets, menus, offers, incoming-goods findings) combined by a {@code Random(42)}: the same load
 * time gives the same content, and who reacts and comments follows the activity of the people (a few very active,
 * many quiet). Times are offsets from the load time over the past six weeks, on working days for work spaces.
 * <p>
 * Texts are what a person would have typed into Kontor: Markdown with {@code #hashtags}; a mention is written here as
 * {@code @{person.key}} and becomes the app's mention syntax {@code @[Name](user:id)} once the ids are known
 * ({@link #resolve}).
 */
final class DemoStream {

    static final String PART = "stream";
    static final int VERSION = 1;
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    static final String ALLE = "Alle";
    static final String VERTRIEB = "Vertrieb";
    static final String SERVICE = "Service-Team";
    static final String MX500 = "Projekt MX-500";
    static final String GF = "Geschäftsführung intern";
    static final String QZ = "Qualitätszirkel";
    static final String HELPDESK = "IT-Helpdesk";
    static final String BETRIEBSRAT = "Betriebsrat";
    static final String IDEEN = "Ideenwerkstatt";
    static final String KUNDEN = "Kunden-Community";
    static final String KANTINE = "Kantine & Freizeit";

    private static final Pattern MENTION = Pattern.compile("@\\{([a-z.-]+)}");

    record Post(int index, String space, String author, Instant at, String body, boolean pinned) {
    }

    /** A comment; {@code parent} is the index of the top-level comment it answers, or null. */
    record Comment(int index, int post, Integer parent, String author, Instant at, String body) {
    }

    record Reaction(int post, String user, String code, Instant at) {
    }

    /** A follow of a tag (target: the tag), a person (target: the person's key) or a space (target: its name). */
    record Follow(String user, String type, String target) {
    }

    record Content(List<Post> posts, List<Comment> comments, List<Reaction> reactions, List<Follow> follows) {
    }

    private DemoStream() {
    }

    /** The whole stream for a load at {@code now}; the same {@code now} gives the same content. */
    static Content content(Instant now) {
        return new Writer(now).write();
    }

    /** The person keys mentioned in a text written with {@code @{key}}. */
    static Set<String> mentionedKeys(String text) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** The text as the autocomplete would have inserted the mentions: {@code @[Display Name](user:id)}. */
    static String resolve(String text, Map<String, Long> ids) {
        Matcher m = MENTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Long id = ids.get(key);
            if (id == null) {
                throw new IllegalStateException("The demo stream mentions an unknown person: " + key);
            }
            m.appendReplacement(out, Matcher.quoteReplacement("@[" + name(key) + "](user:" + id + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String name(String key) {
        return DemoPeople.ALL.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown demo person " + key)).displayName();
    }

    /** How much a person writes and reacts: a few very active people, a handful of regulars, many quiet ones. */
    static int activity(String key) {
        return switch (key) {
            case "katrin.albers", "nina.petrovic", "murat.yilmaz", "sabine.krueger" -> 12;
            case "tobias.brandt", "lukas.weber", "thomas.kessler", "jens.hoffmann", "miriam.engel", "klaus.neumann",
                 "benedikt.huber", "amira.haddad", "kerstin.braun", "ayse.kaya", "stefanie.lang" -> 5;
            default -> 1;
        };
    }

    /** A comment in a pool: who (a key, {@link #AUTHOR} for the post's author, {@link #ANYONE}), text, answer. */
    private record Say(String who, String text, Say reply) {
        Say(String who, String text) {
            this(who, text, null);
        }
    }

    private static final String AUTHOR = "$author";
    private static final String ANYONE = "*";

    private static Say say(String who, String text) {
        return new Say(who, text);
    }

    private static Say say(String who, String text, String replyWho, String reply) {
        return new Say(who, text, new Say(replyWho, reply));
    }

    /** Writes the stream; one instance per load. */
    private static final class Writer {

        private final Instant now;
        private final LocalDate today;
        private final Random random = new Random(42);
        private final List<Post> posts = new ArrayList<>();
        private final List<Comment> comments = new ArrayList<>();
        private final List<Reaction> reactions = new ArrayList<>();
        private final Map<String, List<String>> members = new HashMap<>();

        Writer(Instant now) {
            this.now = now;
            this.today = LocalDate.ofInstant(now, ZONE);
        }

        Content write() {
            story();
            company();
            sales();
            service();
            quality();
            project();
            management();
            helpdesk();
            worksCouncil();
            ideas();
            customers();
            canteen();
            posts.forEach(this::react);
            return new Content(List.copyOf(posts), List.copyOf(comments), List.copyOf(reactions), FOLLOWS);
        }

        // ---------------------------------------------------------------- the MX-400 spindle thread (DEMO.md)

        private void story() {
            post(SERVICE, "murat.yilmaz", 23, "7:50", """
                    Kurze Info aus dem Außendienst: Ich war diese Woche bei zwei Kunden, bei denen die Hauptspindel \
                    der MX-400 nach ungefähr **2.000 Betriebsstunden** deutlich lauter wird – ein helles Singen ab \
                    etwa 12.000 1/min. Beide Maschinen Baujahr 2022.

                    Hat das noch jemand beobachtet? Ich sammle gerade Maschinennummern. #MX400 #Spindellager""")
                    .c("sergej.wolf", "Ja, bei einem Kunden in Hannover genau dasselbe. Maschine 4-22-118, 2.150 h.")
                    .r("murat.yilmaz", "Danke, Sergej! Nehme ich in die Liste auf.")
                    .c("thomas.kessler", """
                            Das ist jetzt der dritte Fall in einem Monat. @{sabine.krueger}, kannst du das bitte \
                            als Qualitätsthema aufnehmen?""")
                    .r("sabine.krueger", "Mache ich. Ich lege im Qualitätszirkel einen Beitrag dazu an.")
                    .c("lukas.weber", "Wenn ihr Schwingungsdaten habt, schaut sie mir bitte an. Mich würde das "
                            + "Frequenzspektrum interessieren – klingt nach Außenring.");

            post(KUNDEN, "stefanie.lang", 14, "6:40", """
                    Guten Morgen zusammen, bei uns in Ingolstadt laufen zwölf MX-400 im Dreischichtbetrieb. Seit \
                    ein paar Wochen werden zwei davon an der Spindel auffällig laut, jeweils nach rund **2.000 \
                    Betriebsstunden**. Die Teilequalität passt noch, aber meine Schichtführer sind unruhig.

                    Ist das bekannt? Müssen wir uns Sorgen machen?""")
                    .c("nina.petrovic", """
                            Danke für die Meldung, Frau Lang! Ich habe das direkt an unser Service-Team \
                            weitergegeben, @{murat.yilmaz} meldet sich heute noch bei Ihnen.""")
                    .c("murat.yilmaz", """
                            Guten Morgen Frau Lang, das Verhalten kennen wir inzwischen von einigen Maschinen \
                            aus dem Baujahr 2022. Es liegt an einer Charge Spindellager. Die Maschinen können \
                            Sie weiter betreiben, die Teilequalität ist nicht gefährdet. Ich komme am Donnerstag \
                            vorbei, messe die beiden Spindeln und wir planen den Lagertausch in Ihrem \
                            Wartungsfenster. Passt Ihnen 9 Uhr?""")
                    .r("stefanie.lang", "Donnerstag 9 Uhr passt, Tor 2 an der Halle B. Vielen Dank für die "
                            + "schnelle Antwort!")
                    .c("ole.nordholz", "Interessant – wir haben zwei MX-400 von 2021. Betrifft uns das auch?")
                    .r("murat.yilmaz", "Nach unseren Daten nicht, Herr Nordholz, die betroffene Charge wurde "
                            + "ab Frühjahr 2022 verbaut. Bei der nächsten Wartung hören wir trotzdem rein.");

            post(SERVICE, "nina.petrovic", 14, "7:05", """
                    Achtung, öffentlich in der Kunden-Community: Stefanie Lang von Berger Automotive meldet zwei \
                    MX-400 mit lauter Spindel nach 2.000 Betriebsstunden. @{murat.yilmaz}, kannst du übernehmen? \
                    Ich habe ihr gesagt, dass sich heute noch jemand meldet. #MX400 #Spindellager""")
                    .c("murat.yilmaz", "Übernehme ich, habe schon geantwortet. Termin vor Ort am Donnerstag.")
                    .c("jens.hoffmann", "Danke! Berger ist einer unserer wichtigsten Kunden – bitte haltet mich "
                            + "auf dem Laufenden, die verhandeln gerade über vier weitere Maschinen.")
                    .r("murat.yilmaz", "Mache ich, Jens.");

            post(SERVICE, "murat.yilmaz", 11, "16:20", """
                    Bericht vom Einsatz bei Berger Automotive: Beide Spindeln gemessen, erhöhte Amplituden bei der \
                    Überrollfrequenz des Außenrings. Das passt zu den anderen Fällen – alle Lager aus derselben \
                    Charge von Lagertechnik Rheintal.

                    Tausch ist für das Wartungsfenster in KW %s geplant, Ersatzspindeln sind reserviert \
                    (danke @{paulina.nowak}!). #Spindellager #MX400""".formatted(week(4)))
                    .c("paulina.nowak", "Gern! Zwei Spindeleinheiten liegen für dich im Lager Esslingen.")
                    .c("thomas.kessler", "Sehr gut. Ich habe mit Jens gesprochen, wir übernehmen den Tausch auf "
                            + "Kulanz.")
                    .c("lukas.weber", "Danke für die Messdaten, Murat. Das Spektrum bestätigt den Verdacht: "
                            + "Außenring, vermutlich Härtefehler in der Laufbahn.");

            post(QZ, "sabine.krueger", 12, "10:15", """
                    **Neues Qualitätsthema: Spindellager MX-400**

                    Seit vier Wochen häufen sich Meldungen über laute Spindeln nach ca. 2.000 Betriebsstunden \
                    (bisher 7 Maschinen, alle Baujahr 2022). Alle betroffenen Lager stammen aus derselben \
                    Lieferantencharge.

                    Vorschlag für das weitere Vorgehen:
                    1. 8D-Report mit Lagertechnik Rheintal starten
                    2. Lager aus dem Lagerbestand stichprobenartig prüfen (@{robert.hahn})
                    3. Alternative Lieferanten bewerten (@{ahmet.celik})

                    Einwände oder Ergänzungen bitte hier bis Freitag. #Qualität #Spindellager""")
                    .c("robert.hahn", "Ich prüfe morgen 20 Lager aus dem Bestand auf der Formmessmaschine.")
                    .r("sabine.krueger", "Super, danke!")
                    .c("ahmet.celik", """
                            Wir haben mit Schmid Präzisionslager schon einmal gesprochen, die liefern auch an \
                            zwei unserer Wettbewerber. Ich frage ein Angebot und Muster an.""")
                    .c("murat.yilmaz", "Aus Service-Sicht wichtig: Wir brauchen eine Lösung, die wir bei den "
                            + "betroffenen Kunden nachrüsten können, ohne die Spindel komplett zu tauschen.")
                    .c("markus.bauer", "Für die Montage: Bis zur Klärung bauen wir nur noch Lager aus der "
                            + "neuen Charge ein. Ist mit Dragan abgesprochen.");

            post(QZ, "robert.hahn", 10, "14:30", """
                    Ergebnis der Stichprobe: Von 20 Lagern der Charge 2022-03 haben 6 eine Rundheitsabweichung \
                    am Außenring über der Spezifikation. Die Lager aus den Chargen 2023 sind alle in Ordnung.

                    Messprotokolle liegen im QM-Laufwerk. #Qualität #Spindellager""")
                    .c("sabine.krueger", "Danke, Robert – das ist eindeutig. Ich schicke die Protokolle mit dem "
                            + "8D-Report an den Lieferanten.")
                    .c("lukas.weber", "Passt zum Schadensbild. Die Spezifikation für die Rundheit sollten wir "
                            + "in der nächsten Zeichnungsrevision ohnehin verschärfen.");

            post(KUNDEN, "murat.yilmaz", 9, "15:10", """
                    Kurzes Update für alle, die die Diskussion um laute Spindeln verfolgt haben: Die Ursache ist \
                    gefunden (eine fehlerhafte Lagercharge), betroffene Maschinen aus 2022 bekommen in den \
                    nächsten Wochen kostenlos neue Lager. Wir melden uns bei jedem betroffenen Kunden direkt.

                    Fragen gern hier oder an mich. #MX400""")
                    .c("stefanie.lang", "Danke für die transparente Kommunikation – so wünscht man sich das.")
                    .c("ole.nordholz", "👍 Vorbildlich.");

            post(QZ, "ahmet.celik", 8, "11:00", """
                    Lieferantenvergleich Spindellager liegt vor:

                    | | Lagertechnik Rheintal | Schmid Präzisionslager |
                    |---|---|---|
                    | Preis je Lagersatz | 412 € | 448 € |
                    | Lieferzeit | 6 Wochen | 4 Wochen |
                    | Zertifikate | ISO 9001 | ISO 9001, IATF 16949 |
                    | Auffälligkeiten 24 Monate | 1 Charge | keine |

                    Mehrkosten pro Jahr bei unseren Stückzahlen: ca. 14.000 €. #Spindellager""")
                    .c("sabine.krueger", "Die Kulanzkosten für die aktuelle Charge liegen schon jetzt deutlich "
                            + "darüber. Aus QM-Sicht klar für den Wechsel.")
                    .c("markus.bauer", "Vier Wochen Lieferzeit würden uns in der Montage sogar helfen.")
                    .c("thomas.kessler", "Service ist ebenfalls für Schmid.");

            post(QZ, "sabine.krueger", 5, "9:30", """
                    **Entscheidung: Wechsel des Lieferanten für Spindellager MX-400**

                    Nach der Diskussion hier und ohne Einwände bis zur Frist: Ab sofort beziehen wir die \
                    Spindellager von Schmid Präzisionslager. Die Erstbemusterung macht @{elena.popescu}, die \
                    Umstellung in der Montage ist für KW %s geplant. Der Wartungsplan MX-400 wird um eine \
                    Schwingungsmessung bei 1.500 Betriebsstunden ergänzt.

                    Danke an alle für die schnelle Abstimmung! #Qualität #Spindellager""".formatted(week(-3)))
                    .c("elena.popescu", "Muster sind bestellt, ich melde mich nach der Erstbemusterung.")
                    .c("murat.yilmaz", "Super, danke Sabine. Die Schwingungsmessung nehme ich in die "
                            + "Checkliste für die Wartung auf.")
                    .c("markus.bauer", "So schnell und nachvollziehbar hatten wir noch keine "
                            + "Lieferantenentscheidung – ohne eine einzige Sitzung. Danke an alle! 👏");

            post(SERVICE, "lukas.weber", 7, "13:45", """
                    Weil die Frage jetzt mehrfach kam, warum die Spindel gerade nach ~2.000 Stunden laut wird: \
                    Ein Härtefehler in der Laufbahn führt zu Mikropittings, die erst nach einer gewissen \
                    Überrollzahl hörbar werden. Bei unserer Drehzahl entspricht das ziemlich genau diesem \
                    Zeitraum.

                    Wer es genauer wissen will, fragt mich gern – ich erkläre das auch gern mal in der \
                    Service-Schulung. #Spindellager""")
                    .c("murat.yilmaz", "Sehr gern für die nächste Technikerschulung! Das hilft uns beim Kunden "
                            + "enorm, wenn wir das erklären können.")
                    .c("hannes.roth", "Könntest du das als kurze Seite für den Wartungsplan aufschreiben?")
                    .r("lukas.weber", "Mache ich bis Ende der Woche.")
                    .c("jan-philipp.koch", "Danke! Das Geräuschbild am Telefon kann ich jetzt viel besser "
                            + "einordnen.");

            post(KUNDEN, "stefanie.lang", 3, "17:20", """
                    Beide Spindeln sind getauscht, die Maschinen laufen wieder leise. Danke an @{murat.yilmaz} für \
                    den reibungslosen Einsatz!

                    Idee für die Zukunft: Eine Zustandsüberwachung der Spindel als Nachrüstsatz hätte uns das \
                    frühzeitig gezeigt. Gibt es so etwas für die MX-400?""")
                    .c("nina.petrovic", "Danke für das Lob und die Idee, Frau Lang! Die geben wir gern an die "
                            + "Entwicklung weiter.")
                    .c("lukas.weber", """
                            Für die MX-500 ist eine Zustandsüberwachung bereits vorgesehen. Ob sich das als \
                            Nachrüstsatz für die MX-400 umsetzen lässt, prüfen wir gerade – Sie hören von \
                            uns.""")
                    .r("stefanie.lang", "Sehr gern, wir wären auch Pilotkunde.");

            post(IDEEN, "johanna.brandl", 2, "10:05", """
                    Angeregt durch die Spindellager-Geschichte: Wie wäre ein **Nachrüstsatz \
                    Zustandsüberwachung** für die MX-400? Ein Beschleunigungssensor am Spindelgehäuse, die Daten \
                    per OPC UA in die Steuerung. Für meine Masterarbeit habe ich schon einen Prototyp auf dem \
                    Prüfstand. #Spindellager #MX400""")
                    .c("lukas.weber", "Unbedingt! Lass uns nächste Woche zusammen auf den Prüfstand schauen.")
                    .c("kerstin.braun", "Klingt nach einem Kandidaten für die Ideenprämie. Ich nehme es in die "
                            + "nächste Bewertungsrunde auf.")
                    .c("stefan.maier", "Aus Retrofit-Sicht machbar, wir müssten nur die Kabelführung im "
                            + "Spindelkasten prüfen.");
        }

        // ---------------------------------------------------------------- Alle

        private void company() {
            post(ALLE, "katrin.albers", 40, "8:00", """
                    Liebe Kolleginnen und Kollegen,

                    ab heute nutzen wir **Kontor** als unser internes Netzwerk. Neuigkeiten, Fragen und \
                    Diskussionen sollen nicht mehr in endlosen Mail-Verteilern verschwinden, sondern hier \
                    stattfinden – offen und nachlesbar.

                    Ich freue mich auf den Austausch! Fragen zum Kontor beantwortet @{tobias.brandt} im \
                    IT-Helpdesk.""", true)
                    .c("tobias.brandt", "Gern! Und ein Tipp: Mit `@` könnt ihr Kolleginnen und Kollegen "
                            + "erwähnen, mit `#` Themen markieren.")
                    .c("klaus.neumann", "Der Betriebsrat begrüßt das ausdrücklich. Wichtig: Kontor ist kein "
                            + "Instrument zur Leistungskontrolle – so steht es auch in der Betriebsvereinbarung.")
                    .r("katrin.albers", "Richtig, Klaus. Danke für die gute Zusammenarbeit bei der "
                            + "Betriebsvereinbarung!")
                    .c("lea.schmitt", "Endlich! Ich hab bisher nie mitbekommen, was im Werk Stuttgart passiert 😄");

            post(ALLE, "katrin.albers", 33, "9:15", """
                    **Quartalszahlen Q2 – kurz und ehrlich**

                    Auftragseingang 11 % über Vorjahr, vor allem dank Automotive und Retrofit. Der Umsatz liegt \
                    im Plan, die Marge leidet unter den Materialpreisen. Die MX-500 ist im Zeitplan.

                    Details stelle ich am Donnerstag in der Betriebsversammlung vor. Danke für euren Einsatz!""")
                    .c("jens.hoffmann", "Retrofit entwickelt sich wirklich zum zweiten Standbein. Danke an das "
                            + "Service-Team!")
                    .c("michael.sauter", "Ergänzung: Die Materialpreise sollten sich ab Q4 entspannen, die "
                            + "neuen Rahmenverträge laufen dann.");

            post(ALLE, "nina.petrovic", 29, "11:30", """
                    📸 Die Bilder vom **Tag der offenen Tür** sind online! Über 800 Besucherinnen und Besucher, \
                    die Fräs-Vorführung an der MX-400 war wieder der Renner und die Azubi-Werkstatt war \
                    durchgehend voll. Danke an alle, die am Samstag dabei waren! #Ausbildung""")
                    .c("sandra.kuehn", "Wir haben 23 Bewerbungen für Praktika bekommen – das hat sich gelohnt!")
                    .c("dragan.jovanovic", "Die Azubis haben das super gemacht. Ich bin stolz auf die Truppe.")
                    .c("lea.schmitt", "Hat richtig Spaß gemacht! 🎉");

            post(ALLE, "anja.richter", 27, "10:00", """
                    **Erinnerung: Entwicklungsgespräche**

                    Bis Ende des Monats sollten alle Entwicklungsgespräche geführt sein. Den Gesprächsleitfaden \
                    findet ihr im Personal-Bereich. Fragen gern an mich oder @{miriam.engel}.""")
                    .c("markus.bauer", "Für die Schichtmitarbeiter planen wir die Gespräche in der Übergabezeit, "
                            + "dann muss niemand extra kommen.");

            post(ALLE, "sabine.krueger", 31, "13:00", """
                    **ISO 9001 Überwachungsaudit bestanden!** ✅ Keine Abweichungen, zwei Empfehlungen \
                    (Schulungsnachweise digital führen, Prüfmittelüberwachung in der Montage). Danke an alle, die \
                    dem Auditor so offen Rede und Antwort gestanden haben! #Qualität""")
                    .c("katrin.albers", "Glückwunsch an das QM-Team und an alle Bereiche! 🎉")
                    .c("robert.hahn", "Die Prüfmittelüberwachung in der Montage nehme ich mir vor.")
                    .r("sabine.krueger", "Danke, Robert!");

            post(ALLE, "markus.bauer", 24, "6:45", """
                    **Arbeitssicherheit:** Gestern gab es in Halle 2 einen Beinahe-Unfall mit einem \
                    Gabelstapler an der Kreuzung vor dem Wareneingang. Zum Glück ist nichts passiert.

                    Bitte an alle: An der Kreuzung gilt Schritttempo, Fußgänger nutzen den markierten Weg. Ab \
                    Montag hängt dort ein zusätzlicher Spiegel. #Arbeitssicherheit""")
                    .c("uwe.lehmann", "Habe alle Staplerfahrer heute Morgen noch einmal unterwiesen.")
                    .c("klaus.neumann", "Danke für die schnelle Reaktion. Wir sollten die Kreuzung bei der "
                            + "nächsten Begehung mit der Fachkraft für Arbeitssicherheit anschauen.")
                    .r("markus.bauer", "Ist für nächsten Dienstag eingeplant.");

            post(ALLE, "tobias.brandt", 21, "16:00", """
                    Am Samstag zwischen 8 und 14 Uhr ist wegen Wartungsarbeiten am Rechenzentrum **kein \
                    Zugriff auf SAP und die Netzlaufwerke** möglich. Die Maschinen in der Fertigung sind nicht \
                    betroffen. #IT""");

            post(ALLE, "katrin.albers", 18, "8:30", """
                    Große Freude: Berger Automotive hat uns als **Lieferant des Jahres** in der Kategorie \
                    Produktionsanlagen ausgezeichnet! 🏆 Das ist ein Verdienst von Vertrieb, Service, \
                    Montage und allen dahinter. Herzlichen Glückwunsch an uns alle!""")
                    .c("jens.hoffmann", "Gerade in diesem Jahr mit der Spindel-Geschichte ist das nicht "
                            + "selbstverständlich. Der schnelle Service hat den Unterschied gemacht.")
                    .c("murat.yilmaz", "Das freut mich riesig! 🎉")
                    .c("emre.demir", "Die Urkunde hängt ab morgen im Foyer.");

            post(ALLE, "miriam.engel", 16, "12:00", """
                    🏃 **Firmenlauf Stuttgart** am %s: Wir haben noch 9 Startplätze frei! Die Anmeldung läuft \
                    bis Freitag über mich. Shirts gibt es diesmal in Petrol mit unserem Logo. \
                    #Firmenlauf""".formatted(dayName(10)))
                    .c("kevin.schaefer", "Bin dabei! Wer läuft die 10 km mit?")
                    .r("hakan.aydin", "Ich! Ziel: unter 50 Minuten.")
                    .c("katrin.albers", "Ich laufe auch wieder mit – diesmal aber gemütlich 😄");

            post(ALLE, "nina.petrovic", 12, "14:00", """
                    Unser neues Imagevideo ist fertig! Gedreht in der Montage, im Service und bei \
                    Berger Automotive. Danke an alle, die mitgemacht haben – besonders an @{dragan.jovanovic} und \
                    @{lea.schmitt} vor der Kamera. 🎬""")
                    .c("dragan.jovanovic", "Nie wieder so viele Takes für einen Satz 😅")
                    .c("laura.meier", "Das Video läuft im Herbst auch auf der EMO am Stand.");

            post(ALLE, "anja.richter", 9, "9:00", """
                    **Neue Gleitzeitregelung ab 1. des Monats**

                    Die Kernzeit in der Verwaltung entfällt, der Gleitzeitrahmen ist künftig 6 bis 20 Uhr. \
                    Für die Schichtbereiche ändert sich nichts. Die Betriebsvereinbarung hängt am schwarzen \
                    Brett und liegt im Personal-Bereich.""")
                    .c("guel.arslan", "Ein großer Schritt für die Vereinbarkeit von Familie und Beruf – danke "
                            + "für die konstruktiven Verhandlungen!")
                    .c("julia.hartmann", "Sehr schön! Gilt das auch für den Innendienst?")
                    .r("anja.richter", "Ja, für alle Bereiche ohne Schichtbetrieb.");

            post(ALLE, "sandra.kuehn", 6, "10:30", """
                    Unsere Azubis haben die **Zwischenprüfung** bestanden – alle sieben, drei davon mit \
                    „sehr gut“! Herzlichen Glückwunsch! 🎓 #Ausbildung""")
                    .c("dragan.jovanovic", "Starke Leistung, ihr Sieben!")
                    .c("lea.schmitt", "Danke!! Die Prüfungsvorbereitung in der Lehrwerkstatt hat echt "
                            + "geholfen.");

            post(ALLE, "katrin.albers", 1, "8:10", """
                    Danke an alle, die in den letzten Wochen beim Thema Spindellager so schnell und \
                    bereichsübergreifend zusammengearbeitet haben: vom ersten Hinweis im Service über die \
                    Ursachenanalyse im Qualitätszirkel bis zur Entscheidung für einen neuen Lieferanten in \
                    zehn Tagen. Genau dafür haben wir Kontor eingeführt. #Spindellager""")
                    .c("sabine.krueger", "Das ging nur, weil alle mitgezogen haben. Danke!")
                    .c("thomas.kessler", "Und die Kunden haben es gemerkt – Berger hat sich ausdrücklich "
                            + "bedankt.");

            post(ALLE, "miriam.engel", 0, "8:05", """
                    Willkommen an Bord! Heute starten zwei neue Kolleginnen: eine Konstrukteurin im Team \
                    Vorrichtungsbau und eine Einkäuferin für C-Teile. Die Profile folgen, sobald die Zugänge \
                    eingerichtet sind. Schaut gern beim Mittagessen vorbei und sagt Hallo! 👋""");

            String[] visitors = {"eine Delegation von Berger Automotive (Einkauf und Fertigungsplanung)",
                    "Studierende der Hochschule Esslingen auf Werksbesichtigung",
                    "das Institut für Produktionstechnik Süd zum Projektauftakt", "der TÜV zum Überwachungsaudit",
                    "Kunden aus Italien mit Marco Bianchi", "die Handelsvertretung aus Österreich",
                    "eine Schulklasse der Realschule Esslingen zum Girls' Day"};
            for (String visitor : visitors) {
                post(ALLE, "petra.lindner", 1 + random.nextInt(41), time(7, 9), """
                        Heute zu Gast: %s. Der Besprechungsraum Neckar ist den ganzen Tag belegt – bitte \
                        freundlich grüßen und auf Ordnung in den Hallen achten. 👋""".formatted(visitor));
            }

            String[][] anniversaries = {
                    {"dragan.jovanovic", "25"}, {"thomas.kessler", "20"}, {"monika.weiss", "15"},
                    {"murat.yilmaz", "10"}, {"kerstin.braun", "10"}, {"uwe.lehmann", "20"},
                    {"petra.lindner", "15"}, {"robert.hahn", "5"}, {"giuseppe.russo", "5"}, {"ayse.kaya", "10"}};
            String[] wishes = {
                    "Herzlichen Glückwunsch zum %s-jährigen Dienstjubiläum, @{%s}! Danke für deine Treue und "
                            + "deinen Einsatz. 🎉",
                    "Heute feiern wir: @{%2$s} ist seit %1$s Jahren bei Muster Maschinenbau! Alles Gute und "
                            + "danke für alles. 🎉",
                    "%s Jahre Muster Maschinenbau – herzlichen Glückwunsch, @{%s}! Der Kuchen steht ab 10 Uhr "
                            + "in der Kaffeeküche. 🎂"};
            for (int i = 0; i < anniversaries.length; i++) {
                String who = anniversaries[i][0];
                P p = post(ALLE, i % 3 == 0 ? "katrin.albers" : "anja.richter", 2 + 4 * i, "8:30",
                        wishes[i % wishes.length].formatted(anniversaries[i][1], who));
                int congratulations = 2 + random.nextInt(3);
                for (int c = 0; c < congratulations; c++) {
                    p.c(anyone(ALLE, p.post.author(), who), pick(CONGRATULATIONS));
                }
                p.c(who, "Vielen Dank euch allen! Auf die nächsten Jahre! 😊");
            }
        }

        private static final String[] CONGRATULATIONS = {"Herzlichen Glückwunsch! 🎉", "Alles Gute und weiter so!",
                "Glückwunsch – und danke für die tolle Zusammenarbeit!", "Wow, Glückwunsch! 👏",
                "Herzlichen Glückwunsch, schön, dass du dabei bist!", "Alles Gute zum Jubiläum!"};

        // ---------------------------------------------------------------- Vertrieb

        private void sales() {
            post(VERTRIEB, "laura.meier", 38, "9:00", """
                    **EMO Hannover** – die Standplanung steht: 120 m² in Halle 12, Exponate sind eine MX-400 mit \
                    Automationszelle und das Mock-up der MX-500 (nur für geladene Gäste hinter der Wand). \
                    Bitte tragt eure Kundentermine bis Ende des Monats in die Terminliste ein. #Messe""")
                    .c("jens.hoffmann", "Danke, Laura! Ich will jeden Tag mindestens zehn Termine am Stand "
                            + "sehen, bitte aktiv einladen.")
                    .c("marco.bianchi", "I have three Italian customers who want to come on Tuesday – "
                            + "is there an English-speaking engineer at the stand that day?")
                    .r("jens.hoffmann", "Yes, Hannes is there all week. I'll put him on the list for Tuesday.");

            post(VERTRIEB, "jens.hoffmann", 30, "17:30", """
                    Wettbewerbs-Info: Ein großer Mitbewerber hat seine Preise für Fünfachs-Maschinen um 8 % \
                    gesenkt. Bitte nicht nervös werden – wir verkaufen über Service und Verfügbarkeit, nicht \
                    über den Preis. Argumentationshilfe kommt morgen von Carina.""")
                    .c("carina.vogt", "Ist fertig und liegt im Vertriebsordner: Gesamtkosten über 10 Jahre "
                            + "inklusive Servicevertrag.")
                    .c("emre.demir", "Danke! Berger hat mich tatsächlich schon darauf angesprochen.");

            post(VERTRIEB, "carina.vogt", 19, "15:00", """
                    Messe-Nachlese **AMB Stuttgart**: 64 Leads, davon 11 heiß. Die meisten Fragen drehten sich \
                    um Automation und Retrofit. Die Leads sind im CRM, bitte bis Freitag nachfassen. #Messe""")
                    .c("sophie.wagner", "Ich habe die Leads nach Region sortiert und die Listen verschickt.")
                    .c("jens.hoffmann", "Starkes Ergebnis, danke an das ganze Messeteam! 🎉");

            post(VERTRIEB, "nina.petrovic", 15, "10:40", """
                    Für alle im Kundenkontakt: Eine Kundin hat öffentlich in der Kunden-Community über laute \
                    Spindeln an der MX-400 berichtet. Das Service-Team kümmert sich bereits. Falls ihr darauf \
                    angesprochen werdet: ehrlich bleiben, auf Murat aus dem Service verweisen, keine Spekulationen. \
                    #Spindellager""")
                    .c("emre.demir", "Danke für den Hinweis, betrifft auch meine Kunden.");

            post(VERTRIEB, "marco.bianchi", 8, "18:10", """
                    Good news from Italy: Meccanica Lombarda in Brescia ordered two MX-400 with pallet \
                    changer! First order from them in five years. 🇮🇹 #MX400""")
                    .c("jens.hoffmann", "Grande, Marco! 🎉")
                    .c("julia.hartmann", "Auftragsbestätigung geht heute raus. Brauchst du die Exportpapiere "
                            + "auf Italienisch?")
                    .r("marco.bianchi", "Yes please, Italian and English. Grazie!");

            post(VERTRIEB, "laura.meier", 4, "11:20", """
                    Die neuen Prospekte für die MX-400 sind da – mit dem Hinweis auf den neuen Wartungsplan und \
                    die Schwingungsmessung. Wer welche für Kundenbesuche braucht: Sie liegen im Marketing-Büro \
                    im 2. OG. #Messe""")
                    .c("carina.vogt", "Super, ich nehme gleich 50 Stück für die Kundentour nächste Woche mit.");

            String[] customers = {"Kögel Präzisionsteile aus Reutlingen", "Hansen Formenbau aus Kiel",
                    "Alpina Zerspanung aus Kempten", "Steiner Medizintechnik aus Tuttlingen",
                    "Brückner Antriebe aus Chemnitz", "Metallwerk Oberland aus Rosenheim",
                    "Nordholz Werkzeugbau", "Berger Automotive", "Frey Hydraulik aus Balingen",
                    "Lechner Fahrzeugteile aus Landshut"};
            String[] options = {"mit Rundtisch und 60er Werkzeugmagazin", "mit Nullpunktspannsystem",
                    "mit Automationszelle und Palettenwechsler", "mit Serviceverlängerung auf fünf Jahre",
                    "als Ersatz für zwei alte Bearbeitungszentren", "mit Retrofit ihrer Bestandsmaschinen"};
            String[] counts = {"eine", "zwei", "drei", "vier"};
            String[] statuses = {"Angebot geht bis Freitag raus.", "Angebot ist raus, Nachfass-Termin in zwei "
                    + "Wochen.", "**Auftrag ist da!** 🎉", "Leider an den Wettbewerb verloren – am Ende hat der "
                    + "Preis entschieden."};
            Say[][] reactions = {
                    {say("julia.hartmann", "Brauchst du Unterstützung bei der Kalkulation? Daniel hat diese Woche "
                            + "noch Luft."), say("daniel.kowalski", "Schicke dir die aktuelle Preisliste mit den "
                            + "Optionen.")},
                    {say("jens.hoffmann", "Dranbleiben! Gib Bescheid, wenn ich beim Termin dabei sein soll.",
                            AUTHOR, "Mache ich, danke!"), say(ANYONE, "Viel Erfolg!")},
                    {say("jens.hoffmann", "Glückwunsch, @{$author}, sehr gut gemacht! 🎉"), say("julia.hartmann",
                            "Auftragsbestätigung ist in Arbeit."), say("katrin.albers", "Super, Glückwunsch!")},
                    {say("jens.hoffmann", "Schade. Lass uns in der Vertriebsrunde kurz besprechen, was wir "
                            + "daraus lernen.", AUTHOR, "Ja, ich bereite die Eckdaten vor."),
                            say(ANYONE, "Ärgerlich, aber beim nächsten Mal klappt's.")}};
            String[] sellers = {"jens.hoffmann", "carina.vogt", "emre.demir", "daniel.kowalski", "carina.vogt",
                    "emre.demir"};
            Set<String> seen = new LinkedHashSet<>();
            while (seen.size() < 38) {
                int customer = random.nextInt(customers.length);
                int option = random.nextInt(options.length);
                if (!seen.add(customer + "/" + option)) {
                    continue;
                }
                int status = random.nextInt(statuses.length);
                P p = post(VERTRIEB, sellers[random.nextInt(sellers.length)], 1 + random.nextInt(41),
                        time(8, 18), "%s fragt nach %s MX-400 %s. %s #MX400".formatted(customers[customer],
                                counts[random.nextInt(counts.length)], options[option], statuses[status]));
                comments(p, reactions[status], 0, 2);
            }
        }

        // ---------------------------------------------------------------- Service-Team

        private void service() {
            post(SERVICE, "ayse.kaya", 35, "7:15", """
                    Einsatzplanung für die nächsten zwei Wochen steht. Bitte beachten: @{sergej.wolf} ist ab \
                    Mittwoch im Urlaub, Einsätze im Norden übernimmt @{stefan.maier}. #Service""")
                    .c("stefan.maier", "Passt, ich nehme den Servicewagen 3.");

            post(SERVICE, "thomas.kessler", 26, "8:00", """
                    Die neue Checkliste für die Jahreswartung der MX-400 ist freigegeben. Änderungen: \
                    Prüfung der Zentralschmierung und Sichtkontrolle der Spindelabdichtung. Bitte ab sofort \
                    verwenden. #MX400 #Service""")
                    .c("murat.yilmaz", "Danke! Können wir die Checkliste auch aufs Tablet bekommen?")
                    .r("thomas.kessler", "Ist mit der IT in Arbeit.");

            post(SERVICE, "hannes.roth", 17, "16:45", """
                    Kundenschulung bei Steiner Medizintechnik abgeschlossen: 6 Teilnehmende, Schwerpunkt \
                    Fünfachs-Bearbeitung und Werkzeugvermessung. Feedback durchweg positiv, sie wollen im \
                    Herbst eine Aufbauschulung. #Service""")
                    .c("jens.hoffmann", "Sehr gut, das gebe ich an den Vertrieb weiter – Schulungen verkaufen "
                            + "sich offenbar von selbst.");

            String[][] calls = {
                    {"Achse X fährt nach dem Referenzieren ruckartig an.", "Ursache war ein verschmutzter "
                            + "Glasmaßstab – gereinigt, Abdeckung neu abgedichtet. Läuft wieder sauber."},
                    {"Kühlmittelpumpe zieht Luft, Späne im Rücklauf.", "Filter und Pumpe getauscht, der Kunde "
                            + "bekommt einen Hinweis zum Reinigungsintervall."},
                    {"Werkzeugwechsler bleibt sporadisch auf Platz 17 hängen.", "Näherungsschalter am Magazin "
                            + "war locker – neu justiert und gesichert."},
                    {"Steuerung meldet „Hydraulikdruck zu niedrig“.", "Druckspeicher war leer, neu befüllt und "
                            + "Vorfülldruck geprüft."},
                    {"Maßabweichungen in Z nach dem Warmlaufen.", "Die Temperaturkompensation war deaktiviert. "
                            + "Wieder eingeschaltet, das Prüfwerkstück ist in Toleranz."},
                    {"Türverriegelung löst nicht aus, Maschine startet nicht.", "Sicherheitsschalter defekt, "
                            + "getauscht und Funktionsprüfung dokumentiert. #Arbeitssicherheit"},
                    {"Späneförderer blockiert immer wieder.", "Lange Fließspäne beim Alu-Schruppen – mit dem "
                            + "Kunden die Schnittdaten angepasst, der Förderer läuft."},
                    {"Programme kommen nicht mehr über das Netzwerk an der Maschine an.", "Defekter "
                            + "Patchstecker im Schaltschrank. Getauscht, die Verbindung ist stabil."},
                    {"Zentralschmierung meldet „Füllstand leer“, obwohl der Behälter voll ist.",
                            "Füllstandssensor verklebt, gereinigt. Bitte nur das freigegebene Fett verwenden!"},
                    {"Rundtisch klemmt nicht zuverlässig.", "Klemmventil getauscht, Klemmdruck eingestellt und "
                            + "protokolliert."},
                    {"Spindel wird nach längerer Laufzeit auffällig laut.", "Schwingungsmessung gemacht: "
                            + "Lagerschaden im Frühstadium. Lagertausch im nächsten Wartungsfenster eingeplant. "
                            + "#Spindellager"},
                    {"Inbetriebnahme einer neuen Maschine.", "Aufgestellt, ausgerichtet und mit dem Kunden "
                            + "abgenommen. Die Bedienerschulung folgt nächste Woche."}};
            String[] customers = {"Berger Automotive in Ingolstadt", "Nordholz Werkzeugbau in Lüdenscheid",
                    "Kögel Präzisionsteile in Reutlingen", "Hansen Formenbau in Kiel",
                    "Alpina Zerspanung in Kempten", "Steiner Medizintechnik in Tuttlingen",
                    "Brückner Antriebe in Chemnitz", "Metallwerk Oberland in Rosenheim"};
            String[] technicians = {"murat.yilmaz", "murat.yilmaz", "murat.yilmaz", "sergej.wolf", "stefan.maier",
                    "jan-philipp.koch", "hannes.roth", "stefan.maier", "sergej.wolf"};
            Say[] answers = {
                    say("ayse.kaya", "Danke, @{$author}! Ich schließe den Auftrag und schicke dem Kunden den "
                            + "Servicebericht."),
                    say("thomas.kessler", "Sauber gelöst 👍 Bitte noch im SAP zurückmelden.", AUTHOR,
                            "Ist erledigt."),
                    say("paulina.nowak", "Brauchst du Teile nachgeliefert? Bis 14 Uhr bestellt, geht heute "
                            + "noch raus.", AUTHOR, "Nein, hatte alles im Wagen. Danke!"),
                    say(ANYONE, "Hatte ich letzten Monat auch – gut zu wissen, woran es lag."),
                    say("jan-philipp.koch", "Nehme ich in die Checkliste für die Hotline auf, dann fragen wir "
                            + "das beim nächsten Anruf gleich ab."),
                    say("murat.yilmaz", "Guter Hinweis, danke. Schauen wir uns bei der nächsten Wartung dort "
                            + "noch einmal an.")};
            Set<String> seen = new LinkedHashSet<>();
            while (seen.size() < 54) {
                int call = random.nextInt(calls.length);
                int customer = random.nextInt(customers.length);
                if (!seen.add(call + "/" + customer)) {
                    continue;
                }
                String body = "Einsatz bei %s, MX-400 Baujahr %d: %s %s #MX400".formatted(customers[customer],
                        2016 + random.nextInt(8), calls[call][0], calls[call][1]);
                P p = post(SERVICE, technicians[random.nextInt(technicians.length)], 1 + random.nextInt(41),
                        time(9, 19), body);
                comments(p, answers, 0, 2);
            }
        }

        // ---------------------------------------------------------------- Qualitätszirkel

        private void quality() {
            post(QZ, "sabine.krueger", 37, "8:00", """
                    **Kennzahlen Qualität letzter Monat:** Reklamationsquote 0,8 % (Ziel < 1 %), interne \
                    Fehlerkosten leicht gestiegen, vor allem durch Nacharbeit an Blechverkleidungen. Das \
                    Thema Blech nehmen wir im nächsten Zirkel auf. #Qualität""")
                    .c("dragan.jovanovic", "Die Verkleidungen passen oft nicht auf Anhieb, wir bohren in der "
                            + "Montage regelmäßig nach.")
                    .r("sabine.krueger", "Genau solche Hinweise brauchen wir. Kannst du Beispiele mit Foto "
                            + "sammeln?");

            post(QZ, "kerstin.braun", 20, "13:00", """
                    Vorschlag aus der Montage: Drehmomentschlüssel mit Funkübertragung, damit die \
                    Anzugsmomente automatisch dokumentiert werden. Das würde die Prüfprotokolle deutlich \
                    vereinfachen. #Qualität""")
                    .c("sabine.krueger", "Finde ich gut, die Dokumentation wäre auch für Audits ein Plus.")
                    .c("markus.bauer", "Budget prüfe ich, ein Pilot an einem Montageplatz wäre machbar.");

            post(QZ, "sabine.krueger", 30, "9:00", """
                    Kurze **8D-Auffrischung** für alle, die neu im Zirkel sind: Donnerstag 14 Uhr im \
                    Schulungsraum, 45 Minuten, mit einem echten Fall aus dem letzten Quartal. Anmeldung nicht \
                    nötig. #Qualität""")
                    .c("dragan.jovanovic", "Ich bringe zwei Kollegen aus der Montage mit.")
                    .r("sabine.krueger", "Sehr gern, je gemischter die Runde, desto besser!");

            post(QZ, "sabine.krueger", 17, "15:20", """
                    Zwischenstand Blechverkleidungen: Mit Lindauer Blechtechnik ist vereinbart, dass die \
                    Biegeradien nach unserer neuen Zeichnungsrevision gefertigt werden. Nacharbeit in der \
                    Montage seit der Umstellung: null Fälle. Danke @{dragan.jovanovic} für die Fotos! #Qualität""")
                    .c("dragan.jovanovic", "Merkt man sofort, die Teile passen jetzt auf Anhieb 👍")
                    .c("markus.bauer", "Sehr gut – das spart uns pro Maschine fast eine Stunde.");

            String[] parts = {"Führungswagen Größe 35", "Kugelgewindetriebe 40x20", "Blechverkleidungen "
                    + "Kabine links", "Kabelsätze Schaltschrank", "Hydraulikschläuche DN10", "Motorflansche",
                    "Spannpratzen für den Rundtisch"};
            String[] suppliers = {"Hegel Lineartechnik", "Lindauer Blechtechnik", "Kabelwerk Remstal",
                    "Hydrotec Schlauchtechnik", "Gießerei Albrecht"};
            String[] findings = {"Maße außerhalb der Toleranz (3 von 20 Teilen).", "Korrosionsspuren an der "
                    + "Oberfläche.", "falscher Zeichnungsstand geliefert.", "Prüfzeugnis fehlt.",
                    "Verpackung beschädigt, Teile verkratzt."};
            String[] inspectors = {"nico.vogel", "nico.vogel", "elena.popescu", "robert.hahn"};
            Say[] answers = {
                    say("sabine.krueger", "Danke, @{$author}! Bitte als Q-Meldung erfassen, dann kann Ahmet beim "
                            + "Lieferanten nachhaken.", AUTHOR, "Ist erfasst."),
                    say("ahmet.celik", "Lieferant ist informiert, Ersatzlieferung kommt bis Ende der Woche."),
                    say("markus.bauer", "Bremst uns das in der Montage?", AUTHOR, "Nein, der Bestand reicht "
                            + "noch für zwei Wochen."),
                    say("elena.popescu", "Das ist schon das zweite Mal in diesem Quartal. Ich plane ein Audit "
                            + "beim Lieferanten ein.")};
            Set<String> seen = new LinkedHashSet<>();
            while (seen.size() < 20) {
                int part = random.nextInt(parts.length);
                int finding = random.nextInt(findings.length);
                if (!seen.add(part + "/" + finding)) {
                    continue;
                }
                String inspector = inspectors[random.nextInt(inspectors.length)];
                P p = post(QZ, inspector, 1 + random.nextInt(41), time(7, 16),
                        "Wareneingang: %s von %s – %s Die Ware ist im Sperrlager, 8D-Report beim Lieferanten "
                                .formatted(parts[part], suppliers[random.nextInt(suppliers.length)],
                                        findings[finding]) + "angefordert. #Qualität");
                comments(p, answers, 0, 2);
            }
        }

        // ---------------------------------------------------------------- Projekt MX-500

        private void project() {
            post(MX500, "benedikt.huber", 41, "9:00", """
                    **Meilenstein erreicht: Konstruktionsfreigabe Maschinenbett** ✅

                    Das Maschinenbett der MX-500 ist freigegeben, der Guss ist bei der Gießerei bestellt. \
                    Danke an das ganze Team, besonders an @{mei-lin.zhang} für die Simulationen! #MX500""")
                    .c("mei-lin.zhang", "Thanks! The thermal results were better than expected – less than "
                            + "8 µm drift after 4 hours.")
                    .c("frank.zimmermann", "Sehr gute Arbeit. Das ist die Basis für alles Weitere.");

            post(MX500, "mei-lin.zhang", 31, "14:20", """
                    Quick update from simulation: I compared the two spindle housing variants. Variant B is \
                    12 % stiffer at the same weight. I'd recommend we go with B. Results are in the project \
                    folder. #MX500""")
                    .c("lukas.weber", "Danke, Mei Lin! Variante B passt auch besser zur Lagerung. Dann gehen "
                            + "wir mit B weiter.")
                    .r("mei-lin.zhang", "Great, I'll prepare the detailed model.");

            post(MX500, "lukas.weber", 13, "10:30", """
                    Wichtige Konsequenz aus dem Spindellager-Thema bei der MX-400: Für die MX-500 spezifizieren \
                    wir die Lager direkt bei Schmid Präzisionslager und mit verschärfter Rundheitstoleranz. \
                    Außerdem bekommt die Spindel serienmäßig einen Schwingungssensor. #MX500 #Spindellager""")
                    .c("ahmet.celik", "Die Anfrage an Schmid für die MX-500-Lager geht heute raus.")
                    .c("fatma.oeztuerk", "Den Sensor binde ich über OPC UA an, dann können Kunden die Daten "
                            + "auch in ihre Systeme übernehmen.")
                    .c("benedikt.huber", "Sehr gut. Die Mehrkosten nehme ich in die Kalkulation auf.");

            post(MX500, "fatma.oeztuerk", 10, "17:40", """
                    Die neue Bedienoberfläche läuft zum ersten Mal auf dem Prototyp-Bedienpult! Noch ohne \
                    Achsen, aber Menüs, Werkzeugtabelle und Alarme funktionieren. Wer Lust auf einen \
                    Usability-Test hat: Donnerstag 14 Uhr in der Versuchshalle. #MX500""")
                    .c("markus.bauer", "Ich schicke zwei Bediener aus der Fertigung, die kennen die Praxis.")
                    .c("jens.hoffmann", "Bin dabei – ich will wissen, was ich den Kunden zeigen kann.");

            post(MX500, "katrin.albers", 6, "18:00", """
                    Ich war heute im Prototypenbau – beeindruckend, wie weit ihr seid! Die MX-500 wird ein \
                    großer Schritt für uns. Bitte achtet auf eure Kräfte, die Messe ist wichtig, aber nicht \
                    um jeden Preis. #MX500""")
                    .c("benedikt.huber", "Danke für den Besuch und die Rückendeckung!");

            post(MX500, "andreas.schulz", 3, "11:15", """
                    Schaltschrank für den Prototyp ist verdrahtet und geprüft. Nächster Schritt: \
                    Inbetriebnahme der Antriebe mit @{raphael.schneider} am Montag. #MX500""")
                    .c("raphael.schneider", "Passt, ich bringe die Parametersätze mit.");

            String[] design = {"Maschinenbett freigegeben, Guss bestellt.", "Spindelgehäuse Variante B "
                    + "festgelegt.", "Zeichnungen Schlitten X/Y zu 80 % fertig.", "Kabinenkonzept mit Marketing "
                    + "abgestimmt.", "Spindellagerung mit neuem Lieferanten spezifiziert.", "Stückliste "
                    + "für Prototyp vollständig."};
            String[] prototype = {"Teile für die Spannvorrichtung in Fertigung.", "Erste Frästeile vom "
                    + "Prototypenbau angekommen.", "Grundgestell montiert.", "Schlitten montiert, Führungen "
                    + "ausgerichtet.", "Schaltschrank verdrahtet.", "Antriebe in Betrieb genommen."};
            String[] software = {"Architektur der neuen Bedienoberfläche steht.", "Werkzeugverwaltung "
                    + "implementiert.", "OPC-UA-Schnittstelle im Test.", "Alarmkonzept mit dem Service "
                    + "abgestimmt.", "Bedienoberfläche läuft auf dem Bedienpult.", "Usability-Test mit "
                    + "Bedienern durchgeführt."};
            String[] risks = {"Lieferzeit Guss (12 Wochen) – kritisch, aber im Plan.", "Engpass in der "
                    + "Simulation, Priorisierung nötig.", "Lieferzeit Linearmotoren gestiegen.",
                    "Spindellager: Befunde an der MX-400 auf die MX-500 übertragen.", "Keine neuen Risiken.",
                    "Termin EMO eng, aber haltbar."};
            for (int w = 0; w < 6; w++) {
                int daysAgo = 37 - 7 * w;
                P p = post(MX500, "benedikt.huber", daysAgo, "16:00", """
                        **Wochenstatus MX-500, KW %s** #MX500

                        - Konstruktion: %s
                        - Prototyp: %s
                        - Software: %s
                        - Risiken: %s""".formatted(week(daysAgo), design[w], prototype[w], software[w], risks[w]));
                comments(p, new Say[] {say("frank.zimmermann", "Danke für den Überblick, Benedikt."),
                        say(ANYONE, "👍 Danke!"), say("katrin.albers", "Danke, weiter so!")}, 0, 1);
            }
        }

        // ---------------------------------------------------------------- Geschäftsführung intern

        private void management() {
            post(GF, "katrin.albers", 36, "19:00", """
                    Vorbereitung Beiratssitzung: Bitte bis Mittwoch eure Folien an Petra. Schwerpunkte: \
                    Auftragslage, MX-500 Zeitplan, Personalplanung 2025.""")
                    .c("michael.sauter", "Finanzteil kommt Dienstag.")
                    .c("frank.zimmermann", "MX-500-Status bereite ich mit Benedikt vor.");

            post(GF, "michael.sauter", 28, "18:30", """
                    **Vertraulich:** Liquiditätsplanung Q3 ist aktualisiert. Wegen der Vorauszahlungen für die \
                    MX-500-Prototypen liegt der Tiefpunkt im September, bleibt aber über der Mindestreserve. \
                    Keine Maßnahmen nötig.""")
                    .c("katrin.albers", "Danke, Michael. Bitte im Beirat genau so darstellen.");

            post(GF, "anja.richter", 22, "17:15", """
                    Personalplanung: Wir brauchen für den Serienanlauf der MX-500 voraussichtlich sechs \
                    zusätzliche Monteure. Ich würde die Stellen im Herbst ausschreiben und parallel zwei \
                    Azubis nach der Prüfung übernehmen. Meinungen?""")
                    .c("markus.bauer", "Unbedingt, die Montage ist jetzt schon am Limit.")
                    .c("katrin.albers", "Einverstanden. Den Betriebsrat bitte frühzeitig einbinden.")
                    .r("anja.richter", "Termin mit Klaus ist für nächste Woche angefragt.");

            post(GF, "jens.hoffmann", 15, "20:10", """
                    Berger Automotive verhandelt über vier weitere MX-400. Die Spindel-Geschichte kann uns das \
                    kosten – oder, wenn wir sie gut lösen, Vertrauen bringen. Vorschlag: Kulanztausch für \
                    alle betroffenen Maschinen, Kosten ca. 60.000 €.""")
                    .c("michael.sauter", "Die Kosten holen wir uns über den Lieferanten teilweise zurück.")
                    .c("katrin.albers", "Freigegeben. Kundenvertrauen ist wichtiger als die Kulanzkosten.");

            post(GF, "frank.zimmermann", 7, "18:45", """
                    Das Institut für Produktionstechnik Süd bietet uns ein gemeinsames Forschungsprojekt zur \
                    Zustandsüberwachung von Spindeln an (Förderquote 50 %). Passt perfekt zur MX-500 und zum \
                    Nachrüstsatz für die MX-400. Ich würde zusagen.""")
                    .c("katrin.albers", "Zustimmung. Bitte mit Michael den Eigenanteil klären.")
                    .c("michael.sauter", "Eigenanteil ist im Budget für Forschung und Entwicklung abgedeckt.");

            post(GF, "katrin.albers", 2, "19:30", """
                    Zur Info vorab: Ich möchte auf der Betriebsversammlung im Herbst die Ergebnisbeteiligung \
                    für alle Mitarbeitenden ankündigen. Details besprechen wir am Montag – bitte noch nicht \
                    weitergeben.""")
                    .c("anja.richter", "Sehr schöne Nachricht. Ich bereite die Varianten mit Michael vor.");
        }

        // ---------------------------------------------------------------- IT-Helpdesk

        private void helpdesk() {
            post(HELPDESK, "tobias.brandt", 39, "7:30", """
                    **So kommt euer Anliegen am schnellsten an:**

                    1. Was wolltet ihr tun?
                    2. Was ist passiert (Fehlermeldung als Screenshot)?
                    3. Seit wann, und betrifft es nur euch?

                    Passwörter bitte **nie** hier posten. #IT""", true);

            post(HELPDESK, "piotr.zielinski", 25, "9:50", """
                    ⚠️ **Phishing-Warnung:** Seit heute Morgen kommen Mails mit dem Betreff „Ihre Rechnung \
                    Nr. 4711“ und einem Link zu einer gefälschten Microsoft-Anmeldeseite. Bitte nicht \
                    anklicken, einfach löschen. Wer schon geklickt hat: sofort bei uns melden, dann setzen wir \
                    das Passwort zurück. #IT #Phishing""")
                    .c("petra.lindner", "Hatte ich auch, direkt gelöscht. Danke für die Warnung!")
                    .c("monika.weiss", "Oh je, ich habe auf den Link geklickt, aber nichts eingegeben.")
                    .r("piotr.zielinski", "Alles gut, dann ist nichts passiert. Ich melde mich trotzdem kurz "
                            + "bei dir.");

            post(HELPDESK, "tobias.brandt", 14, "15:30", """
                    Die neuen Laptops für die Konstruktion sind da. Der Austausch läuft ab Montag in \
                    Zweiergruppen, @{amira.haddad} schickt euch die Termine. Bitte vorher lokale Daten auf dem \
                    Netzlaufwerk sichern. #IT""")
                    .c("amira.haddad", "Termine sind raus! Bei Terminproblemen einfach direkt bei mir melden.");

            post(HELPDESK, "jonas.lorenz", 5, "12:00", """
                    SAP-Update am Wochenende ist erfolgreich eingespielt. Neu: Fertigungsaufträge können jetzt \
                    direkt aus der Montage zurückgemeldet werden. Kurze Anleitung im SAP-Wiki. #IT""")
                    .c("kerstin.braun", "Endlich! Das spart uns jeden Tag eine halbe Stunde Abtippen.");

            String[][] maintenance = {{"den Druckserver", "Drucken ist in dieser Zeit nicht möglich."},
                    {"das VPN-Gateway", "Home-Office-Zugänge sind kurz unterbrochen, bitte vorher speichern."},
                    {"den Mailserver", "Mails kommen verzögert an, gehen aber nicht verloren."},
                    {"den CAD-Lizenzserver", "Bitte SolidWorks und EPLAN vorher schließen."},
                    {"das WLAN in Halle 1", "Die Maschinen hängen am Kabel und sind nicht betroffen."},
                    {"das Zeiterfassungssystem", "Buchungen an den Terminals werden nachgetragen."}};
            for (String[] m : maintenance) {
                int daysAgo = 1 + random.nextInt(41);
                post(HELPDESK, random.nextBoolean() ? "tobias.brandt" : "piotr.zielinski", daysAgo, time(8, 12),
                        "🔧 Geplante Wartung: Am %s zwischen 17 und 19 Uhr aktualisieren wir %s. %s #IT"
                                .formatted(dayName(daysAgo - 2), m[0], m[1]));
            }

            String[][] tickets = {
                    {"lea.schmitt", "Mein Laptop verbindet sich seit heute Morgen nicht mehr mit dem VPN, "
                            + "Fehlermeldung „Zertifikat abgelaufen“. Kann jemand helfen?", "amira.haddad",
                            "Das Zertifikat erneuert sich, sobald du einmal im Firmennetz angemeldet bist. Im "
                                    + "Home-Office: ruf kurz an, dann mache ich das per Fernwartung.",
                            "Hat geklappt, danke!"},
                    {"petra.lindner", "Der Drucker im 2. OG (Besprechungsraum Neckar) druckt nur noch Streifen.",
                            "amira.haddad", "Die Trommel ist am Ende, ich tausche sie heute Nachmittag.",
                            "Super, danke!"},
                    {"julia.hartmann", "In SAP bricht die Lieferschein-Ausgabe mit einem Kurzdump ab, betrifft "
                            + "alle Aufträge für Italien.", "jonas.lorenz", "Gefunden: die neue Formularvariante "
                            + "für Exportpapiere. Ist korrigiert, bitte noch mal versuchen.",
                            "Läuft wieder, vielen Dank!"},
                    {"kerstin.braun", "Mein zweiter Monitor wird nach dem Einstecken in die Dockingstation "
                            + "nicht mehr erkannt.", "amira.haddad", "Bitte einmal die Dockingstation 30 Sekunden "
                            + "vom Strom nehmen. Wenn das nicht hilft, komme ich vorbei.", "Strom weg, Strom "
                            + "an – geht wieder 😄"},
                    {"katharina.fischer", "Ich bräuchte Schreibrechte auf dem Laufwerk Q:\\Konstruktion\\"
                            + "Betriebsanleitungen, meine Vorgesetzte ist informiert.", "tobias.brandt",
                            "Ist freigeschaltet, bitte einmal ab- und wieder anmelden.", "Klappt, danke!"},
                    {"uwe.lehmann", "Der Handscanner am Wareneingang liest die Etiketten von Hegel nicht mehr.",
                            "amira.haddad", "Hegel hat das Barcode-Format umgestellt. Ich habe den Scanner neu "
                                    + "konfiguriert, bitte testen.", "Liest wieder alles. Danke!"},
                    {"giuseppe.russo", "Am Leitstand in Halle 2 klemmt die Tastatur, die Leertaste reagiert "
                            + "kaum noch.", "tobias.brandt", "Neue Tastatur liegt bei Dennis im Büro, einfach "
                            + "abholen.", "Danke!"},
                    {"miriam.engel", "Zum 1. fängt ein neuer Kollege in der Montage an. Bitte Zugang für "
                            + "Kontor und Zeiterfassung einrichten.", "tobias.brandt", "Ist eingerichtet, die "
                            + "Zugangsdaten liegen am ersten Tag beim Empfang.", "Perfekt, danke!"},
                    {"sophie.wagner", "Excel stürzt beim Öffnen der Kalkulationsvorlage ab, andere Dateien "
                            + "gehen.", "amira.haddad", "Die Vorlage enthält ein altes Makro. Ich habe dir eine "
                            + "bereinigte Version in den Vertriebsordner gelegt.", "Funktioniert, vielen Dank!"},
                    {"monika.weiss", "Outlook synchronisiert meinen Kalender nicht mehr aufs Diensthandy.",
                            "amira.haddad", "Bitte in der Outlook-App einmal das Konto entfernen und neu "
                                    + "hinzufügen, dann läuft es wieder.", "Hat funktioniert!"},
                    {"lea.schmitt", "Das WLAN in der Lehrwerkstatt ist seit gestern extrem langsam.",
                            "piotr.zielinski", "Ein Access Point war ausgefallen. Ist getauscht, die Abdeckung "
                                    + "sollte wieder passen.", "Ja, viel besser jetzt!"},
                    {"petra.lindner", "Wie kann ich im Kontor einen Beitrag oben anheften?", "tobias.brandt",
                            "Das können Moderatorinnen und Moderatoren eines Space über das Menü am Beitrag.",
                            "Gefunden, danke!"},
                    {"giuseppe.russo", "Bei Teams-Anrufen ist meine Kamera schwarz.", "amira.haddad",
                            "Am Laptop gibt es einen kleinen Schieber über der Kamera – der war zu 😉",
                            "Peinlich 🙈 Danke!"},
                    {"uwe.lehmann", "Der Etikettendrucker im Versand druckt die Versandetiketten versetzt.",
                            "jonas.lorenz", "Im SAP war der falsche Druckertreiber hinterlegt. Ist angepasst.",
                            "Passt wieder, danke!"}};
            for (String[] t : tickets) {
                P p = post(HELPDESK, t[0], 1 + random.nextInt(41), time(7, 17), t[1] + " #IT");
                p.c(t[2], t[3]).r(t[0], t[4]);
            }
        }

        // ---------------------------------------------------------------- Betriebsrat

        private void worksCouncil() {
            post(BETRIEBSRAT, "klaus.neumann", 34, "13:00", """
                    Tagesordnung für die Sitzung am Dienstag:

                    1. Betriebsvereinbarung Gleitzeit (Entwurf der Geschäftsführung)
                    2. Einstellungen Montage
                    3. Begehung Halle 2 / Staplerverkehr
                    4. Verschiedenes

                    Ergänzungen bitte bis Montag hier.""")
                    .c("guel.arslan", "Bitte noch die Anfrage zu Teilzeit in der Spätschicht aufnehmen.")
                    .r("klaus.neumann", "Ist aufgenommen als Punkt 4a.");

            post(BETRIEBSRAT, "guel.arslan", 26, "16:30", """
                    Entwurf Gleitzeit liegt vor. Positiv: Kernzeit entfällt. Offene Punkte: Übertrag von \
                    Plusstunden (Vorschlag GF: max. 40 h, wir wollen 60 h) und die Regelung für den \
                    Innendienst. Ich würde das so in die Verhandlung geben.""")
                    .c("klaus.neumann", "Einverstanden. Die 60 h sind gut begründet, viele haben Saisonspitzen.")
                    .c("monika.weiss", "Aus dem Einkauf kam genau die Frage zum Übertrag mehrfach.");

            post(BETRIEBSRAT, "klaus.neumann", 20, "15:00", """
                    Protokoll der Sitzung vom Dienstag ist im Betriebsratsordner. Wichtigste Ergebnisse: \
                    Zustimmung zur Gleitzeit-Vereinbarung mit 50 h Übertrag, Zustimmung zu drei \
                    Einstellungen in der Montage, Begehung Halle 2 am Donnerstag. #Arbeitssicherheit""")
                    .c("dragan.jovanovic", "Danke, Klaus. Bei der Begehung bin ich dabei.");

            post(BETRIEBSRAT, "dragan.jovanovic", 18, "14:40", """
                    Aus der Montage: Mehrere Kollegen klagen über Rückenschmerzen bei der Spindelmontage, weil \
                    die Hebehilfe zu selten verfügbar ist. Sollten wir das beim Arbeitsschutzausschuss \
                    ansprechen? #Arbeitssicherheit""")
                    .c("klaus.neumann", "Ja, unbedingt. Ich nehme es auf die Tagesordnung des ASA.")
                    .c("kevin.schaefer", "Kann ich bestätigen, wir warten oft 20 Minuten auf die Hebehilfe.");

            post(BETRIEBSRAT, "klaus.neumann", 11, "12:30", """
                    Ergebnis ASA: Eine zweite Hebehilfe für die Spindelmontage wird beschafft, Lieferung in \
                    vier Wochen. Danke an Dragan und Kevin für die Hinweise! #Arbeitssicherheit""")
                    .c("kevin.schaefer", "Super, das ging schnell!");

            post(BETRIEBSRAT, "ayse.kaya", 6, "13:15", """
                    Frage aus dem Service: Die Außendienstler wünschen sich eine klarere Regelung für \
                    Reisezeiten am Wochenende. Können wir das für die nächste Sitzung vorbereiten?""")
                    .c("klaus.neumann", "Gute Idee. Kannst du die typischen Fälle sammeln?")
                    .r("ayse.kaya", "Mache ich, ich frage Murat und Sergej.")
                    .c("robert.hahn", "Im QM haben wir bei Lieferantenaudits dasselbe Thema.");

            post(BETRIEBSRAT, "klaus.neumann", 1, "16:00", """
                    Die Geschäftsführung hat uns zu Gesprächen über die Personalplanung für die MX-500 \
                    eingeladen. Termin nächste Woche. Bitte überlegt, welche Punkte uns wichtig sind \
                    (Übernahme der Azubis, Qualifizierung, Schichtmodelle).""")
                    .c("guel.arslan", "Qualifizierung der bestehenden Belegschaft zuerst!")
                    .c("monika.weiss", "Und Übernahme der Azubis – die haben gerade super Zwischenprüfungen "
                            + "gemacht.");
        }

        // ---------------------------------------------------------------- Ideenwerkstatt

        private void ideas() {
            String[][] ideas = {
                    {"kerstin.braun", "Schattenboard für Werkzeuge an jedem Montageplatz: Jeder sieht sofort, "
                            + "was fehlt, und wir suchen nicht mehr. #Lean"},
                    {"lea.schmitt", "Wie wäre ein Azubi-Pate für neue Kolleginnen und Kollegen in der "
                            + "Produktion? Die ersten Wochen sind ganz schön überwältigend."},
                    {"giuseppe.russo", "Die Späne aus Aluminium sortenrein sammeln und direkt an den "
                            + "Recycler verkaufen – das bringt deutlich mehr als der Mischschrott."},
                    {"hakan.aydin", "Ein 3D-Drucker in der Fertigung für Vorrichtungen und Messhilfen. Wir "
                            + "warten oft Tage auf einfache Teile."},
                    {"tim.frank", "Eine Ladesäule für E-Bikes am Werkstor. Viele würden dann mit dem Rad "
                            + "kommen."},
                    {"amira.haddad", "Eine kurze Kontor-Sprechstunde jeden Freitag für alle, die sich mit dem "
                            + "Kontor noch schwertun. #IT"},
                    {"felix.jung", "Kanban-Karten für C-Teile digitalisieren: Scannen statt Karte in den "
                            + "Briefkasten werfen."},
                    {"dennis.krause", "Übergabe zwischen Früh- und Spätschicht mit einer festen Checkliste am "
                            + "Maschinenterminal statt auf Zetteln."},
                    {"markus.bauer", "Monatlicher Austausch Montage ↔ Konstruktion direkt an der Maschine – "
                            + "viele Probleme ließen sich so vor der Serie lösen."},
                    {"kai.schubert", "Ein Foto-Wettbewerb „Unsere Maschinen im Einsatz“ bei unseren Kunden. "
                            + "Die besten Bilder kommen in den Kalender fürs nächste Jahr."},
                    {"sandra.kuehn", "Ein Tag der Ausbildung, an dem die Azubis ihre Projekte der "
                            + "Geschäftsführung vorstellen. #Ausbildung"},
                    {"stefan.maier", "Retrofit-Kits als Paket mit festem Preis anbieten – viele Kunden "
                            + "scheuen die offene Kalkulation."},
                    {"carina.vogt", "Kundenreferenzen als kurze Videos: Kunden erzählen selbst, warum sie "
                            + "die MX-400 gekauft haben. #MX400"},
                    {"mei-lin.zhang", "English lunch table once a week – a relaxed way to practise English "
                            + "for everyone, and German for the few of us who still learn it."},
                    {"nina.petrovic", "Ein Kontor-Space für unsere Ehemaligen und Rentner – viele würden "
                            + "gern in Kontakt bleiben."},
                    {"lukas.weber", "Ein „Fehler des Monats“ im Qualitätszirkel, bei dem wir ohne "
                            + "Schuldzuweisung zeigen, was wir gelernt haben. #Qualität"}};
            Say[] answers = {
                    say("kerstin.braun", "Danke, @{$author}! Ich nehme die Idee in die nächste Bewertungsrunde des "
                            + "Ideenmanagements mit."),
                    say("sabine.krueger", "Gefällt mir! Wenn du magst, schauen wir gemeinsam, wie wir den "
                            + "Nutzen messen können.", AUTHOR, "Gern, ich melde mich bei dir."),
                    say(ANYONE, "Gute Idee! 👍"),
                    say(ANYONE, "Sehr gern – ich würde beim Umsetzen mithelfen.", AUTHOR, "Super, ich melde "
                            + "mich!"),
                    say("nina.petrovic", "Finde ich klasse. Wenn es umgesetzt wird, machen wir einen Beitrag "
                            + "in Alle daraus."),
                    say("katrin.albers", "Gefällt mir. Was bräuchtest du, um das auszuprobieren?", AUTHOR,
                            "Vor allem ein kleines Budget und zwei Wochen Zeit für einen Test.")};
            for (String[] idea : ideas) {
                comments(post(IDEEN, idea[0], 1 + random.nextInt(41), time(8, 17), idea[1]), answers, 1, 3);
            }
        }

        // ---------------------------------------------------------------- Kunden-Community

        private void customers() {
            post(KUNDEN, "nina.petrovic", 42, "10:00", """
                    Herzlich willkommen in der **Kunden-Community** von Muster Maschinenbau! 👋

                    Hier tauschen sich Anwenderinnen und Anwender unserer Maschinen aus, stellen Fragen und \
                    teilen Tipps. Unsere Servicetechniker lesen mit und antworten. Bitte keine vertraulichen \
                    Daten posten – für Störungen mit Stillstand ist weiterhin die Service-Hotline da.""", true)
                    .c("ole.nordholz", "Schön, dass es so etwas jetzt gibt!");

            post(KUNDEN, "ole.nordholz", 32, "19:20", """
                    Frage an die Runde: Wie reinigt ihr die Glasmaßstäbe? Bei uns setzen sich im Formenbau mit \
                    Graphit immer wieder Partikel ab.""")
                    .c("murat.yilmaz", "Mit Sperrluft! Die MX-400 hat einen Anschluss dafür, der ist bei Ihren "
                            + "Maschinen ab Werk nur nicht aktiviert. Ich schicke Ihnen die Anleitung.")
                    .r("ole.nordholz", "Das wusste ich nicht – vielen Dank!")
                    .c("stefanie.lang", "Wir fahren seit Jahren mit Sperrluft, seitdem Ruhe.");

            post(KUNDEN, "stefanie.lang", 27, "7:10", """
                    Tipp für alle mit Dreischichtbetrieb: Wir haben die Werkzeugvermessung in die Rüstzeit der \
                    Frühschicht gelegt und sparen so pro Maschine ca. 20 Minuten am Tag.""")
                    .c("hannes.roth", "Guter Tipp! Darf ich das in unsere Anwenderschulung übernehmen?")
                    .r("stefanie.lang", "Gern!");

            post(KUNDEN, "hannes.roth", 21, "14:00", """
                    Neue Termine für Anwenderschulungen im Herbst sind online: Grundlagen, Fünfachs-Bearbeitung \
                    und Werkzeugverwaltung. Anmeldung über die Service-Hotline oder direkt hier als Kommentar.""")
                    .c("ole.nordholz", "Zwei Plätze für die Fünfachs-Schulung bitte für uns.")
                    .r("hannes.roth", "Sind reserviert, die Bestätigung kommt per Mail.");

            post(KUNDEN, "jens.hoffmann", 16, "9:30", """
                    Im Herbst sind wir auf der **EMO in Hannover**, Halle 12! Wer vorbeikommen möchte: Sagen Sie \
                    gern jetzt schon Bescheid, dann reservieren wir einen Termin und einen Kaffee. ☕ #Messe""")
                    .c("stefanie.lang", "Wir kommen am Mittwoch mit drei Leuten.")
                    .c("ole.nordholz", "Leider nicht dieses Jahr, viel Erfolg!");

            post(KUNDEN, "ole.nordholz", 6, "20:00", """
                    Kennt jemand eine gute Lösung für das Spannen dünnwandiger Formeinsätze? Wir kämpfen mit \
                    Verzug nach dem Ausspannen.""")
                    .c("stefanie.lang", "Vakuumspanntisch – haben wir für ähnliche Teile, funktioniert gut.")
                    .c("hannes.roth", "Dazu können wir gern mal eine Testbearbeitung bei uns im "
                            + "Vorführzentrum machen.")
                    .r("ole.nordholz", "Sehr gern, ich melde mich!");

            post(KUNDEN, "katrin.albers", 4, "12:00", """
                    Vielen Dank an alle, die sich hier so offen austauschen! Ihr Feedback fließt direkt in die \
                    Entwicklung ein – zuletzt beim Wartungsplan der MX-400 und bei der MX-500, die wir bald \
                    vorstellen dürfen. #MX400""")
                    .c("stefanie.lang", "Wir sind gespannt auf die MX-500!");

            post(KUNDEN, "emre.demir", 2, "11:00", """
                    Für alle Automotive-Kunden: Die neue Preisliste für Verschleiß- und Ersatzteile gilt ab dem \
                    1. des Monats. Gegenüber dem Vorjahr bleiben die meisten Preise stabil.""");
        }

        // ---------------------------------------------------------------- Kantine & Freizeit

        private void canteen() {
            String[] mains = {"Schwäbischer Rostbraten mit Spätzle", "Hähnchengeschnetzeltes mit Reis",
                    "Maultaschen in der Brühe", "Linsen mit Spätzle und Saitenwürstle",
                    "Schweinebraten mit Kartoffelknödel", "Currywurst mit Pommes", "Chili con Carne",
                    "Putengeschnetzeltes mit Bandnudeln", "Lasagne", "Zwiebelrostbraten mit Bratkartoffeln"};
            String[] veggie = {"Käsespätzle mit Röstzwiebeln", "Gemüsecurry mit Basmatireis",
                    "Gefüllte Paprika mit Couscous", "Kartoffelpuffer mit Apfelmus", "Spinatknödel mit Parmesan",
                    "Ofengemüse mit Kräuterquark", "Falafel mit Hummus und Salat",
                    "Pasta mit Tomaten-Basilikum-Sauce"};
            String[] fish = {"Seelachs mit Kartoffelsalat", "Forelle Müllerin mit Salzkartoffeln",
                    "Backfisch mit Remoulade"};
            String[] days = {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"};
            Say[] menu = {say(ANYONE, "Danke fürs Posten, @{$author}!"), say(ANYONE, "Freitag ist gebucht 🐟"),
                    say(ANYONE, "Gibt es auch wieder eine vegane Alternative?", "miriam.engel", "Ja, fragt an der "
                            + "Ausgabe nach dem veganen Tagesgericht."),
                    say(ANYONE, "Bitte öfter Käsespätzle 😄")};
            for (int w = 0; w < 6; w++) {
                LocalDate monday = today.minusWeeks(w).with(DayOfWeek.MONDAY);
                int daysAgo = (int) (today.toEpochDay() - monday.toEpochDay());
                StringBuilder body = new StringBuilder("**Speiseplan KW %s** #Kantine\n"
                        .formatted(week(daysAgo)));
                for (int d = 0; d < 5; d++) {
                    String main = d == 4 ? fish[random.nextInt(fish.length)] : mains[random.nextInt(mains.length)];
                    body.append("\n- %s: %s · vegetarisch: %s".formatted(days[d], main,
                            veggie[random.nextInt(veggie.length)]));
                }
                comments(post(KANTINE, "miriam.engel", daysAgo, "7:00", body.toString()), menu, 0, 2);
            }

            post(KANTINE, "kevin.schaefer", 38, "17:00", """
                    ⚽ Fußball nach Feierabend: Jeden Mittwoch 18 Uhr auf dem Kunstrasen beim TV Esslingen. \
                    Wir sind meistens 8–12 Leute, alle Spielstärken willkommen! #Sport""")
                    .c("hakan.aydin", "Bin wieder dabei!")
                    .c("oleksandr.bondarenko", "Ich komme diese Woche zum ersten Mal mit.")
                    .r("kevin.schaefer", "Super, bring Hallenschuhe mit, falls es regnet – dann sind wir in "
                            + "der Halle.");

            post(KANTINE, "miriam.engel", 30, "12:30", """
                    🧘 Ab nächster Woche gibt es wieder **Rückenfit in der Mittagspause**: dienstags \
                    12:15–12:45 Uhr im Schulungsraum, mit einer Physiotherapeutin. Kostenlos, Anmeldung nicht \
                    nötig. #Sport""")
                    .c("petra.lindner", "Toll, da bin ich dabei!")
                    .c("guel.arslan", "Endlich wieder! Das hat letztes Jahr richtig gutgetan.");

            post(KANTINE, "nina.petrovic", 23, "18:30", """
                    🚴 Feierabend-Radtour am Freitag: vom Werk Esslingen über den Neckartalradweg nach \
                    Plochingen und zurück, ca. 30 km, gemütliches Tempo, Einkehr im Biergarten. Wer kommt mit? \
                    #Sport""")
                    .c("katrin.albers", "Bin dabei, wenn es nicht regnet!")
                    .c("tim.frank", "Ich auch 🚲")
                    .c("johanna.brandl", "Gern, ich bringe eine Kollegin aus dem Institut mit.");

            post(KANTINE, "hakan.aydin", 9, "20:15", """
                    Firmenlauf: Wir waren 34 Leute am Start und alle im Ziel! 🏅 Schnellster war Kevin mit \
                    41:12 auf 10 km. Danke an Miriam für die Organisation! #Firmenlauf""")
                    .c("miriam.engel", "Ihr wart großartig! Fotos kommen morgen.")
                    .c("katrin.albers", "Hat riesig Spaß gemacht – nächstes Jahr wieder!")
                    .c("kevin.schaefer", "Die Revanche steht, Hakan 😄");

            post(KANTINE, "klaus.neumann", 5, "11:45", """
                    Sommerfest-Planung: Der Festausschuss sucht noch Helferinnen und Helfer für Grill, \
                    Getränke und das Kinderprogramm. Wer mitmachen mag, kommentiert hier oder meldet sich im \
                    Betriebsratsbüro. 🎪""")
                    .c("lea.schmitt", "Die Azubis machen das Kinderprogramm!")
                    .c("giuseppe.russo", "Ich stehe am Grill, wie jedes Jahr.")
                    .c("dennis.krause", "Getränkestand übernehme ich mit der Spätschicht.");

            String[] towns = {"Nürtingen", "Plochingen", "Stuttgart-Vaihingen", "Kirchheim unter Teck",
                    "Waiblingen", "Göppingen", "Wendlingen", "Filderstadt"};
            String[] shifts = {"Frühschicht (6 Uhr)", "Normalschicht (7:30 Uhr)", "Spätschicht (14 Uhr)"};
            String[] riders = {"kevin.schaefer", "tim.frank", "giuseppe.russo", "elena.popescu", "nico.vogel",
                    "dennis.krause", "lea.schmitt", "paulina.nowak"};
            Say[] rides = {say(ANYONE, "Ich fahre aus der Ecke, passt aber nur bei Normalschicht. Schreib mir "
                    + "mal eine Nachricht.", AUTHOR, "Mache ich, danke!"), say(ANYONE, "Frag mal in der "
                    + "Montage, da fahren einige von dort."), say(ANYONE, "Ich wäre auch interessiert!")};
            for (int i = 0; i < 7; i++) {
                P p = post(KANTINE, riders[i], 1 + random.nextInt(41), time(6, 20), """
                        🚗 Fahrgemeinschaft gesucht: von %s nach Esslingen, %s, ab nächster Woche. Spritkosten \
                        teilen wir natürlich. #Fahrgemeinschaft""".formatted(towns[i], shifts[random.nextInt(3)]));
                comments(p, rides, 0, 2);
            }

            String[][] items = {{"uwe.lehmann", "Zwei Winterreifen 205/55 R16 auf Stahlfelge, 5 mm Profil, 60 €."},
                    {"petra.lindner", "Kindersitz Gruppe 1 mit Isofix, gut erhalten, zu verschenken."},
                    {"marco.bianchi", "Espressomaschine mit Siebträger, läuft einwandfrei, nur neue Dichtung "
                            + "nötig. 40 €."},
                    {"sophie.wagner", "Lehrbücher Technische Mechanik 1–3, ein paar Markierungen, zusammen 25 €."},
                    {"emre.demir", "Kinderfahrrad 20 Zoll, blau, Gangschaltung, 50 €."},
                    {"elena.popescu", "Zimmerpflanzen (Monstera und zwei Efeututen) suchen ein neues Zuhause – "
                            + "zu verschenken."},
                    {"oleksandr.bondarenko", "Schreibtisch höhenverstellbar, elektrisch, 140 × 70 cm, 120 €."},
                    {"ayse.kaya", "Babykleidung Größe 62–74, ein großer Karton, zu verschenken."}};
            Say[] market = {say(ANYONE, "Ist das noch zu haben?", AUTHOR, "Ja, schreib mir eine Nachricht!"),
                    say(ANYONE, "Reserviert für mich? 🙂", AUTHOR, "Klar, bis Freitag."),
                    say(ANYONE, "Schade, zu spät gesehen 😅")};
            for (String[] item : items) {
                comments(post(KANTINE, item[0], 1 + random.nextInt(41), time(7, 21),
                        "🏷️ Flohmarkt: " + item[1] + " #Flohmarkt"), market, 0, 2);
            }
        }

        // ---------------------------------------------------------------- building blocks

        /** A post being written; {@code c} adds a top-level comment, {@code r} answers the last one. */
        private final class P {
            private final Post post;
            private Integer lastTop;
            private Instant last;

            P(Post post) {
                this.post = post;
                this.last = post.at();
            }

            P c(String who, String text) {
                lastTop = comment(who, text, null);
                return this;
            }

            P r(String who, String text) {
                comment(who, text, lastTop);
                return this;
            }

            private int comment(String who, String text, Integer parent) {
                String author = who.equals(AUTHOR) ? post.author() : who.equals(ANYONE)
                        ? anyone(post.space(), post.author()) : who;
                Instant at = last.plus(Duration.ofMinutes(3 + random.nextInt(parent == null ? 600 : 240)));
                if (!at.isBefore(now)) {
                    at = last.plus(Duration.between(last, now).dividedBy(3));
                }
                last = at;
                int index = comments.size();
                String body = text.replace("@{" + AUTHOR + "}", "@{" + post.author() + "}").strip();
                comments.add(new Comment(index, post.index(), parent, author, at, body));
                return index;
            }
        }

        private P post(String space, String author, int daysAgo, String time, String body) {
            return post(space, author, daysAgo, time, body, false);
        }

        private P post(String space, String author, int daysAgo, String time, String body, boolean pinned) {
            String[] hm = time.split(":");
            int minutes = Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]);
            Instant at = at(daysAgo, minutes, !space.equals(KANTINE));
            Post p = new Post(posts.size(), space, author, at, body.strip(), pinned);
            posts.add(p);
            return new P(p);
        }

        /** A time on the day {@code daysAgo} before the load (working days only for work spaces), never later. */
        private Instant at(int daysAgo, int minuteOfDay, boolean workday) {
            LocalDate day = today.minusDays(daysAgo);
            while (workday && day.getDayOfWeek().getValue() > 5) {
                day = day.minusDays(1);
            }
            Instant at = day.atStartOfDay(ZONE).plusMinutes(minuteOfDay).toInstant();
            if (at.isBefore(now)) {
                return at;
            }
            return now.minus(Duration.ofMinutes(10 + 7L * (posts.size() % 30)));
        }

        private String time(int fromHour, int toHour) {
            int minute = fromHour * 60 + random.nextInt((toHour - fromHour) * 60);
            return "%d:%02d".formatted(minute / 60, minute % 60);
        }

        /** The ISO calendar week of the day {@code daysAgo} before the load (negative: in the future). */
        private String week(int daysAgo) {
            return Integer.toString(today.minusDays(daysAgo).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }

        private String dayName(int daysAgo) {
            LocalDate d = today.minusDays(daysAgo);
            return "%d.%d.".formatted(d.getDayOfMonth(), d.getMonthValue());
        }

        private String pick(String[] texts) {
            return texts[random.nextInt(texts.length)];
        }

        /** Between {@code min} and {@code max} different comments from the pool, none by the post's author. */
        private void comments(P p, Say[] pool, int min, int max) {
            int n = min + random.nextInt(max - min + 1);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pool.length; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, random);
            int added = 0;
            for (int i : order) {
                if (added == n) {
                    break;
                }
                Say s = pool[i];
                if (s.who().equals(p.post.author()) || s.who().equals(AUTHOR)) {
                    continue;
                }
                p.c(s.who(), s.text());
                if (s.reply() != null) {
                    p.r(s.reply().who(), s.reply().text());
                }
                added++;
            }
        }

        /** Someone from the space other than the given people, the more active the more likely. */
        private String anyone(String space, String... not) {
            List<String> candidates = members.computeIfAbsent(space,
                    s -> List.copyOf(DemoSpaces.everyoneIn(DemoSpaces.byName(s))));
            Set<String> excluded = Set.of(not);
            int total = 0;
            for (String c : candidates) {
                total += excluded.contains(c) ? 0 : activity(c);
            }
            int r = random.nextInt(total);
            for (String c : candidates) {
                r -= excluded.contains(c) ? 0 : activity(c);
                if (r < 0) {
                    return c;
                }
            }
            throw new IllegalStateException("unreachable");
        }

        private static final String[] CODES = {"thumbsup", "thumbsup", "thumbsup", "thumbsup", "heart", "heart",
                "tada", "smile", "smile", "thinking", "eyes"};

        /** Reactions from people of the space: more in Alle and on conversations, none by the author. */
        private void react(Post p) {
            int size = DemoSpaces.everyoneIn(DemoSpaces.byName(p.space())).size();
            long conversation = comments.stream().filter(c -> c.post() == p.index()).count();
            int n = Math.min(size - 1, random.nextInt(3) + (int) conversation / 2 + (p.space().equals(ALLE)
                    ? 4 + random.nextInt(8) : random.nextInt(2)));
            boolean celebration = p.body().contains("🎉") || p.body().contains("Glückwunsch");
            Set<String> who = new LinkedHashSet<>();
            while (who.size() < n) {
                who.add(anyone(p.space(), p.author()));
            }
            for (String user : who) {
                String code = celebration && random.nextBoolean() ? "tada" : CODES[random.nextInt(CODES.length)];
                Instant at = p.at().plus(Duration.ofMinutes(2 + random.nextInt(36 * 60)));
                if (!at.isBefore(now)) {
                    at = p.at().plus(Duration.between(p.at(), now).dividedBy(2));
                }
                reactions.add(new Reaction(p.index(), user, code, at));
            }
        }
    }

    /** People following tags, colleagues and spaces beyond their own, so that home streams look alive. */
    static final List<Follow> FOLLOWS = List.of(
            new Follow("murat.yilmaz", "TAG", "spindellager"), new Follow("lukas.weber", "TAG", "spindellager"),
            new Follow("sabine.krueger", "TAG", "spindellager"), new Follow("ahmet.celik", "TAG", "spindellager"),
            new Follow("sabine.krueger", "TAG", "qualität"), new Follow("robert.hahn", "TAG", "qualität"),
            new Follow("jens.hoffmann", "TAG", "mx500"), new Follow("carina.vogt", "TAG", "messe"),
            new Follow("laura.meier", "TAG", "messe"), new Follow("markus.bauer", "TAG", "arbeitssicherheit"),
            new Follow("klaus.neumann", "TAG", "arbeitssicherheit"), new Follow("piotr.zielinski", "TAG", "phishing"),
            new Follow("lea.schmitt", "TAG", "kantine"), new Follow("kevin.schaefer", "TAG", "sport"),
            new Follow("thomas.kessler", "TAG", "mx400"),
            new Follow("lea.schmitt", "USER", "katrin.albers"), new Follow("tim.frank", "USER", "katrin.albers"),
            new Follow("nina.petrovic", "USER", "katrin.albers"), new Follow("jens.hoffmann", "USER", "murat.yilmaz"),
            new Follow("johanna.brandl", "USER", "lukas.weber"), new Follow("hannes.roth", "USER", "lukas.weber"),
            new Follow("murat.yilmaz", "USER", "sabine.krueger"), new Follow("katrin.albers", "USER", "nina.petrovic"),
            new Follow("emre.demir", "USER", "stefanie.lang"), new Follow("nina.petrovic", "USER", "stefanie.lang"),
            new Follow("katrin.albers", "SPACE", QZ), new Follow("katrin.albers", "SPACE", SERVICE),
            new Follow("laura.meier", "SPACE", KUNDEN), new Follow("frank.zimmermann", "SPACE", SERVICE),
            new Follow("giuseppe.russo", "SPACE", QZ));
}
