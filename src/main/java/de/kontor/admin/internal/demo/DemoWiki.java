package de.kontor.admin.internal.demo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import de.kontor.wiki.WikiApi;

/**
 * The demo company's wiki: onboarding and company processes in the space "Alle" (the company-wide wiki), meeting
 * notes and a how-to in the "Qualitätszirkel", IT how-tos in the "IT-Helpdesk" and the escalation rules of the
 * "Service-Team". Pages are written through {@link WikiApi} (so they get revisions, links and watchers like pages
 * written by people); only labels and the backdated times are set with SQL afterwards. The {@code demo_data} part
 * "wiki" makes later starts add nothing; a space that is missing or already has a wiki page is left alone.
 */
@Component
@Profile("demo")
class DemoWiki {

    static final String PART = "wiki";

    /** One revision of a page: later entries with the same space and title become newer revisions. */
    record Page(String space, String parent, String title, String author, int daysAgo, String note,
                List<String> labels, String text) {
    }

    private final JdbcClient jdbc;
    private final WikiApi wiki;

    DemoWiki(JdbcClient jdbc, WikiApi wiki) {
        this.jdbc = jdbc;
        this.wiki = wiki;
    }

    /** Loads the wiki unless it was loaded before; returns the number of revisions written (0: nothing to do). */
    int load() {
        boolean done = jdbc.sql("select exists (select 1 from demo_data where part = :part)")
                .param("part", PART).query(Boolean.class).single();
        if (done) {
            return 0;
        }
        // a space of the same name that existed before and has its own wiki keeps it as it is
        Set<Long> hadWiki = Set.copyOf(jdbc.sql("select distinct space_id from wiki_pages").query(Long.class).list());
        int written = 0;
        for (Page p : PAGES) {
            Optional<Long> space = jdbc.sql("select id from spaces where lower(name) = lower(:n)")
                    .param("n", p.space()).query(Long.class).optional();
            Optional<Long> author = jdbc.sql("select id from users where lower(email) = lower(:e)")
                    .param("e", email(p.author())).query(Long.class).optional();
            if (space.isEmpty() || author.isEmpty() || hadWiki.contains(space.get())) {
                continue;
            }
            WikiApi.PageRef ref = wiki.recordPage(space.get(), p.parent(), p.title(), p.text(), author.get(),
                    p.note());
            backdate(ref.id(), p.daysAgo());
            for (String label : p.labels()) {
                jdbc.sql("""
                                insert into wiki_labels (page_id, space_id, label) values (:p, :s, :l)
                                on conflict do nothing""")
                        .param("p", ref.id()).param("s", space.get()).param("l", label).update();
            }
            written++;
        }
        jdbc.sql("insert into demo_data (part, version) values (:part, 1)").param("part", PART).update();
        return written;
    }

    /** Moves the newest revision (and the page's times) back to when the demo story says it was written. */
    private void backdate(long pageId, int daysAgo) {
        jdbc.sql("""
                        update wiki_revisions set created_at = now() - make_interval(days => :d)
                        where id = (select current_revision_id from wiki_pages where id = :p)""")
                .param("d", daysAgo).param("p", pageId).update();
        jdbc.sql("""
                        update wiki_pages set updated_at = now() - make_interval(days => :d),
                            created_at = least(created_at, now() - make_interval(days => :d))
                        where id = :p""")
                .param("d", daysAgo).param("p", pageId).update();
    }

    private static String email(String key) {
        return DemoPeople.ALL.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().email();
    }

    static final List<Page> PAGES = List.of(
            new Page("Alle", null, "Willkommen bei Muster Maschinenbau", "anja.richter", 400, "", List.of("onboarding"), """
                    Schön, dass du da bist! Diese Seiten sammeln alles, was du in den ersten Wochen brauchst.
                    Fragen stellst du am besten im Space *Alle* – irgendjemand weiß es immer.

                    ## Die ersten Schritte
                    1. [[Deine erste Woche]] – was dich erwartet und wer dich begleitet
                    2. [[IT-Zugänge und Geräte]] – Laptop, Konten, VPN
                    3. [[Urlaub und Abwesenheit]] – wie du Urlaub beantragst und dich krankmeldest
                    4. [[Reisekosten abrechnen]] – für alle, die zu Kunden fahren

                    ## Wer ist wer?
                    Im Personenverzeichnis findest du alle Kolleginnen und Kollegen mit ihren Themen. Die
                    Geschäftsführung erreichst du über Petra Lindner.

                    ## Unsere Standorte
                    | Standort | Was dort passiert |
                    |---|---|
                    | Stuttgart | Verwaltung, Vertrieb, Entwicklung |
                    | Esslingen | Fertigung, Montage, Qualitätssicherung |
                    """),
            new Page("Alle", "Willkommen bei Muster Maschinenbau", "Deine erste Woche", "anja.richter", 400, "",
                    List.of("onboarding"), """
                    ## Montag
                    - 8:30 Uhr Empfang am Standort, Petra Lindner holt dich ab
                    - Arbeitsplatz, Laptop und Zugangskarte (siehe [[IT-Zugänge und Geräte]])
                    - Mittagessen mit deinem Paten oder deiner Patin

                    ## Dienstag bis Donnerstag
                    - Rundgang durch die Fertigung in Esslingen (Sicherheitsschuhe stellen wir)
                    - Kennenlernen der Nachbarabteilungen: je 30 Minuten Vertrieb, Service, Qualität
                    - Arbeitsschutzunterweisung – Pflicht vor dem ersten Einsatz in der Halle

                    ## Freitag
                    Feedbackgespräch mit deiner Führungskraft: Was lief gut, was fehlt dir noch?

                    > Tipp: Schreib dir offene Fragen direkt als Kommentar unter diese Seite.
                    """),
            new Page("Alle", "Willkommen bei Muster Maschinenbau", "IT-Zugänge und Geräte", "tobias.brandt", 380, "",
                    List.of("onboarding", "it"), """
                    Dein Laptop ist am ersten Tag eingerichtet. Beim ersten Anmelden wirst du aufgefordert, ein
                    eigenes Passwort zu setzen (mindestens 12 Zeichen).

                    ## Konten
                    - **Windows/E-Mail:** vorname.nachname
                    - **SAP:** beantragt deine Führungskraft beim IT-Helpdesk
                    - **Kontor:** du bekommst eine Einladung per E-Mail

                    ## Von unterwegs arbeiten
                    Für den Zugriff auf Laufwerke und SAP brauchst du das VPN. Die Anleitung steht im Wiki des
                    IT-Helpdesk unter „VPN einrichten“.

                    ## Probleme?
                    Schreib in den Space *IT-Helpdesk* – mit Fehlermeldung und Screenshot geht es am schnellsten.
                    """),
            new Page("Alle", "Willkommen bei Muster Maschinenbau", "Urlaub und Abwesenheit", "anja.richter", 360, "",
                    List.of("onboarding", "personal"), """
                    ## Urlaub beantragen
                    1. Antrag im Personalportal stellen, spätestens **zwei Wochen** vorher (Sommerurlaub bis 31. März)
                    2. Vertretung klären und im Teamkalender eintragen
                    3. Abwesenheitsnotiz in Outlook und Kontor-Status setzen

                    ## Krankmeldung
                    Bitte bis 9:00 Uhr bei deiner Führungskraft melden. Ab dem vierten Tag brauchen wir die
                    Arbeitsunfähigkeitsbescheinigung (wird elektronisch abgerufen).

                    ## Resturlaub
                    Resturlaub aus dem Vorjahr verfällt am 31. März, wenn er nicht aus betrieblichen Gründen
                    übertragen wurde.
                    """),
            new Page("Alle", "Willkommen bei Muster Maschinenbau", "Urlaub und Abwesenheit", "nina.petrovic", 40,
                    "Regel für Brückentage ergänzt", List.of("onboarding", "personal"), """
                    ## Urlaub beantragen
                    1. Antrag im Personalportal stellen, spätestens **zwei Wochen** vorher (Sommerurlaub bis 31. März)
                    2. Vertretung klären und im Teamkalender eintragen
                    3. Abwesenheitsnotiz in Outlook und Kontor-Status setzen

                    ## Brückentage
                    Die Fertigung in Esslingen hat an Brückentagen Betriebsruhe; der Tag wird als halber
                    Urlaubstag verrechnet. Die Termine stehen jeweils im Januar im Space *Alle*.

                    ## Krankmeldung
                    Bitte bis 9:00 Uhr bei deiner Führungskraft melden. Ab dem vierten Tag brauchen wir die
                    Arbeitsunfähigkeitsbescheinigung (wird elektronisch abgerufen).

                    ## Resturlaub
                    Resturlaub aus dem Vorjahr verfällt am 31. März, wenn er nicht aus betrieblichen Gründen
                    übertragen wurde.
                    """),
            new Page("Alle", "Willkommen bei Muster Maschinenbau", "Reisekosten abrechnen", "petra.lindner", 300, "",
                    List.of("prozess", "finanzen"), """
                    Reisen zu Kunden und Messen rechnest du innerhalb von **vier Wochen** ab.

                    ## So geht's
                    1. Belege fotografieren (Hotel, Bahn, Tankquittungen, Bewirtung mit Anlass und Teilnehmenden)
                    2. Abrechnung im Personalportal anlegen, Belege anhängen
                    3. Führungskraft gibt frei, die Buchhaltung überweist mit der nächsten Gehaltsabrechnung

                    ## Pauschalen
                    | Was | Betrag |
                    |---|---|
                    | Verpflegung über 8 Stunden | 14 € |
                    | Verpflegung ganzer Tag | 28 € |
                    | Privat-Pkw je km | 0,30 € |

                    Bahnreisen buchst du über Petra Lindner – wir haben eine BahnCard Business.
                    """),
            new Page("Alle", null, "Prozesse", "katrin.albers", 350, "", List.of("prozess"), """
                    Hier beschreiben wir, wie wir wiederkehrende Dinge erledigen. Jede Seite hat eine
                    verantwortliche Person – wenn etwas nicht mehr stimmt, ändere die Seite direkt und schreib
                    eine Änderungsnotiz.

                    - [[Kundenreklamation bearbeiten]]
                    - [[Bestellung freigeben]]
                    - [[Reisekosten abrechnen]]
                    """),
            new Page("Alle", "Prozesse", "Kundenreklamation bearbeiten", "sabine.krueger", 320, "",
                    List.of("prozess", "qualität", "service"), """
                    **Verantwortlich:** Sabine Krüger (Qualitätsmanagement)

                    ## Ablauf
                    1. Service nimmt die Reklamation auf und legt sie im CRM an (Seriennummer, Fotos, Fehlerbild)
                    2. Innerhalb von 24 Stunden: Erstreaktion an den Kunden
                    3. Qualität prüft, ob ein 8D-Report nötig ist – siehe „8D-Report erstellen“ im Wiki des
                       Qualitätszirkels
                    4. Ersatzteil oder Technikereinsatz über die [[Bestellung freigeben]]
                    5. Abschluss: Kunde bestätigt, Fall im CRM schließen

                    ## Fristen
                    | Schritt | Frist |
                    |---|---|
                    | Erstreaktion | 24 Stunden |
                    | Zwischenbericht | 5 Arbeitstage |
                    | Abschluss | 20 Arbeitstage |
                    """),
            new Page("Alle", "Prozesse", "Bestellung freigeben", "katrin.albers", 200, "",
                    List.of("prozess", "finanzen"), """
                    | Bestellwert | Freigabe durch |
                    |---|---|
                    | bis 1.000 € | Teamleitung |
                    | bis 10.000 € | Abteilungsleitung |
                    | über 10.000 € | Geschäftsführung |

                    Freigaben laufen im SAP-Workflow. Bei Eilbestellungen (Maschinenstillstand beim Kunden) darf
                    der Service bis 5.000 € sofort bestellen und die Freigabe nachholen.
                    """),
            new Page("Qualitätszirkel", null, "Besprechungsnotizen", "sabine.krueger", 120, "",
                    List.of("protokoll"), """
                    Die Notizen unserer monatlichen Treffen. Entscheidungen bereiten wir im Space asynchron vor;
                    hier steht, was besprochen und beschlossen wurde.
                    """),
            new Page("Qualitätszirkel", "Besprechungsnotizen", "Qualitätszirkel Oktober", "robert.hahn", 42, "",
                    List.of("protokoll"), """
                    **Teilnehmende:** Sabine Krüger, Robert Hahn, Murat Yılmaz, Lukas Weber \s
                    **Moderation:** Sabine Krüger

                    ## Tagesordnung
                    1. Reklamationsquote Q3
                    2. Spindellager MX-500: Ergebnisse der Dauerlaufprüfung
                    3. Verschiedenes

                    ## Notizen
                    - Reklamationsquote bei 0,8 % (Ziel: unter 1 %), Hauptursache weiter Transportschäden
                    - Dauerlauf: zwei Lager mit erhöhter Temperatur nach 400 Stunden, Lieferant ist informiert

                    ## Aufgaben
                    | Was | Wer | Bis wann |
                    |---|---|---|
                    | Verpackungsvorschrift überarbeiten | Murat Yılmaz | 15.11. |
                    | 8D-Report Spindellager | Lukas Weber | 30.11. |
                    """),
            new Page("Qualitätszirkel", "Besprechungsnotizen", "Qualitätszirkel November", "robert.hahn", 14, "",
                    List.of("protokoll"), """
                    **Teilnehmende:** Sabine Krüger, Robert Hahn, Murat Yılmaz, Markus Bauer \s
                    **Moderation:** Robert Hahn

                    ## Tagesordnung
                    1. Stand der Aufgaben aus dem [[Qualitätszirkel Oktober]]
                    2. Neue Verpackungsvorschrift

                    ## Notizen
                    - Verpackungsvorschrift liegt als Entwurf vor, Testversand an zwei Kunden läuft
                    - 8D-Report Spindellager: Ursache gefunden (Schmierstoffmenge), Maßnahme beim Lieferanten

                    ## Beschlüsse
                    - Neue Verpackung ab Januar für alle MX-Maschinen
                    """),
            new Page("Qualitätszirkel", null, "8D-Report erstellen", "sabine.krueger", 250, "",
                    List.of("anleitung", "qualität"), """
                    Ein 8D-Report hilft, ein Problem gründlich und nachvollziehbar zu lösen.

                    ## Die acht Disziplinen
                    1. **D1 Team** zusammenstellen
                    2. **D2 Problem** beschreiben (Was, Wo, Wann, Wie viel?)
                    3. **D3 Sofortmaßnahmen** zum Schutz des Kunden
                    4. **D4 Ursache** finden – 5× Warum, Ishikawa
                    5. **D5 Abstellmaßnahmen** festlegen
                    6. **D6 Umsetzen** und Wirksamkeit prüfen
                    7. **D7 Wiederholung verhindern** (FMEA, Arbeitsanweisungen anpassen)
                    8. **D8 Abschluss** und Dank an das Team

                    Die Vorlage liegt im QM-Laufwerk; fertige Reports verlinken wir unter den
                    [[Besprechungsnotizen]].
                    """),
            new Page("IT-Helpdesk", null, "VPN einrichten", "amira.haddad", 210, "", List.of("anleitung", "it"), """
                    ## Voraussetzungen
                    - Firmenlaptop mit aktuellem Windows-Update
                    - Dein Windows-Konto und die Authenticator-App auf dem Diensthandy

                    ## Schritte
                    1. Im Startmenü „Firmen-VPN“ öffnen
                    2. Server `vpn.muster-maschinenbau.de` ist voreingestellt – auf **Verbinden** klicken
                    3. Mit dem Windows-Konto anmelden und die Anfrage in der Authenticator-App bestätigen

                    ## Wenn etwas schiefgeht
                    - *Zertifikatsfehler:* Laptop einmal im Firmennetz starten, dann wird das Zertifikat erneuert
                    - *Keine Anfrage in der App:* Uhrzeit des Handys prüfen

                    Sonst: [[Passwort zurücksetzen]] oder im Space nachfragen.
                    """),
            new Page("IT-Helpdesk", null, "Passwort zurücksetzen", "tobias.brandt", 190, "", List.of("anleitung", "it"), """
                    Passwort vergessen oder Konto gesperrt (nach fünf Fehlversuchen)?

                    1. Am Anmeldebildschirm auf **Passwort vergessen** klicken
                    2. Code aus der Authenticator-App eingeben
                    3. Neues Passwort setzen: mindestens 12 Zeichen, nicht eines der letzten fünf

                    Klappt das nicht, ruf die Durchwahl 555 an – wir sind werktags von 7 bis 17 Uhr erreichbar.
                    """),
            new Page("Service-Team", null, "Eskalationsstufen im Service", "thomas.kessler", 150, "",
                    List.of("prozess", "service"), """
                    | Stufe | Wann | Wer übernimmt |
                    |---|---|---|
                    | 1 | Jede neue Störung | Hotline (Antwort in 4 Stunden) |
                    | 2 | Maschine steht, keine Lösung am Telefon | Techniker vor Ort, binnen 48 Stunden |
                    | 3 | Stillstand länger als 3 Tage | Serviceleitung und Entwicklung, tägliche Abstimmung |

                    Bei Stufe 3 informieren wir den Vertrieb und legen im Kontor eine Entscheidung an, falls
                    Kulanz nötig ist. Ablauf der Reklamation: siehe „Kundenreklamation bearbeiten“ im
                    Wiki von *Alle*.
                    """));
}
