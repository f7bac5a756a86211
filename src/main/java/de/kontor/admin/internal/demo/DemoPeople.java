package de.kontor.admin.internal.demo;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The people of the demo company "Muster Maschinenbau GmbH" (see DEMO.md) and its two customer guests. A fixed
 * list, so that every demo start shows the same company.
 */
final class DemoPeople {

    static final String DOMAIN = "muster-maschinenbau.de";
    static final String ROOT_UNIT = "Muster Maschinenbau GmbH";

    static final String GF = "Geschäftsführung";
    static final String VERTRIEB = "Vertrieb";
    static final String SERVICE = "Service & Kundendienst";
    static final String KONSTRUKTION = "Konstruktion & Entwicklung";
    static final String PRODUKTION = "Produktion";
    static final String EINKAUF = "Einkauf";
    static final String QM = "Qualitätsmanagement";
    static final String PERSONAL = "Personal";
    static final String IT = "IT";
    static final String MARKETING = "Marketing & Kommunikation";
    static final String BETRIEBSRAT = "Betriebsrat";

    static final List<String> UNITS = List.of(GF, VERTRIEB, SERVICE, KONSTRUKTION, PRODUKTION, EINKAUF, QM, PERSONAL,
            IT, MARKETING, BETRIEBSRAT);

    private static final String STUTTGART = "Stuttgart (Zentrale)";
    private static final String ESSLINGEN = "Werk Esslingen";

    /** The two demo administrators; everyone else is a member (or a guest). */
    private static final Set<String> ADMINS = Set.of("katrin.albers", "tobias.brandt");

    /**
     * One person. {@code key} is the local part of the e-mail address and is how spaces refer to people;
     * {@code unit} is null for guests, {@code company} is set only for guests.
     */
    record Person(String key, String email, String displayName, String role, String unit, String jobTitle,
                  String location, String phone, String company, String locale, List<String> skills, String about) {

        boolean guest() {
            return "GUEST".equals(role);
        }

        Person inEnglish() {
            return new Person(key, email, displayName, role, unit, jobTitle, location, phone, company, "en", skills,
                    about);
        }
    }

    static final List<Person> EMPLOYEES = List.of(
            // Geschäftsführung
            employee("Dr. Katrin Albers", GF, "Geschäftsführerin", STUTTGART, 100,
                    "Strategie, Lean Management, Führung, Maschinenbau", """
                    Geschäftsführerin der Muster Maschinenbau GmbH seit 2019, davor zwölf Jahre in der \
                    Werkzeugmaschinenbranche.

                    **Was mir wichtig ist:** kurze Wege, offene Worte und Entscheidungen, die man nachlesen kann. \
                    Deshalb schreibe ich lieber hier im Kontor als in langen Mail-Verteilern.

                    Fragen an mich gern im Space *Alle* oder direkt per Nachricht."""),
            employee("Michael Sauter", GF, "Kaufmännischer Leiter (Prokurist)", STUTTGART, 101,
                    "Controlling, SAP, Finanzplanung", """
                    Verantwortlich für Finanzen, Controlling und Recht. Wenn es um Budgets für Projekte geht, \
                    bitte frühzeitig melden – dann wird es meistens etwas."""),
            employee("Petra Lindner", GF, "Assistentin der Geschäftsführung", STUTTGART, 102,
                    "Terminplanung, Reiseorganisation, Protokollführung", """
                    Ich koordiniere die Termine der Geschäftsführung und organisiere Besuche von Kunden und \
                    Partnern. Raumbuchungen für den Besprechungsraum *Neckar* laufen über mich."""),

            // Vertrieb
            employee("Jens Hoffmann", VERTRIEB, "Vertriebsleiter", STUTTGART, 200,
                    "Key Account Management, Verhandlungsführung, CNC-Fräsmaschinen, Automotive", """
                    Leite den Vertrieb für Deutschland, Österreich und die Schweiz.

                    - Schwerpunkt: Automotive-Zulieferer und Werkzeugbau
                    - Zuständig für Rahmenverträge und Serviceverträge
                    - Auf Messen meistens am Stand der **MX-400** zu finden"""),
            employee("Carina Vogt", VERTRIEB, "Vertriebsingenieurin Süddeutschland", STUTTGART, 201,
                    "CNC-Fräsen, Angebotskalkulation, Retrofit", """
                    Betreue unsere Kunden in Baden-Württemberg und Bayern – von der ersten Anfrage bis zur \
                    Abnahme der Maschine."""),
            employee("Emre Demir", VERTRIEB, "Key Account Manager Automotive", STUTTGART, 202,
                    "Key Account Management, Automotive, Türkisch", """
                    Ansprechpartner für unsere großen Automotive-Kunden, u. a. Berger Automotive. \
                    Spreche Deutsch, Türkisch und Englisch."""),
            employee("Marco Bianchi", VERTRIEB, "Area Sales Manager Südeuropa", "Home-Office Freiburg", 203,
                    "Export, Italienisch, Messeplanung", """
                    Zuständig für Italien, Spanien und Portugal. Viel unterwegs, am besten per Nachricht \
                    erreichbar."""),
            employee("Julia Hartmann", VERTRIEB, "Vertriebsinnendienst", STUTTGART, 204,
                    "SAP, Auftragsabwicklung, Exportdokumente", """
                    Aufträge, Auftragsbestätigungen, Liefertermine – wenn es im SAP hakt, bin ich die Richtige."""),
            employee("Daniel Kowalski", VERTRIEB, "Angebotsmanagement", STUTTGART, 205,
                    "Angebotskalkulation, Ersatzteile, SAP", """
                    Erstelle Angebote für Maschinen, Retrofit-Kits und Ersatzteile."""),
            employee("Sophie Wagner", VERTRIEB, "Werkstudentin Vertrieb", STUTTGART, 206,
                    "Marktanalyse, Excel, CRM", """
                    Studiere Wirtschaftsingenieurwesen an der Hochschule Esslingen und unterstütze den Vertrieb \
                    bei Marktanalysen."""),

            // Service & Kundendienst
            employee("Thomas Kessler", SERVICE, "Leiter Service & Kundendienst", ESSLINGEN, 300,
                    "Serviceverträge, Einsatzplanung, MX-400", """
                    Leite den Service mit 25 Technikerinnen und Technikern im In- und Ausland. Unser Ziel: \
                    jede Störung an einer MX-400 innerhalb von 48 Stunden beheben."""),
            employee("Murat Yılmaz", SERVICE, "Servicetechniker", ESSLINGEN, 301,
                    "MX-400, Spindeltausch, Fehlerdiagnose, SPS-Programmierung", """
                    Seit 2012 bei Muster Maschinenbau, vorher Industriemechaniker bei einem Automobilzulieferer.

                    Ich bin viel beim Kunden unterwegs – Fehlerdiagnose, Inbetriebnahmen, Spindeltausch. \
                    Wer Fragen zur **MX-400** hat: einfach im Service-Team fragen, ich antworte meistens \
                    noch am selben Tag."""),
            employee("Sergej Wolf", SERVICE, "Servicetechniker", "Außendienst Nord (Hannover)", 302,
                    "Inbetriebnahme, Hydraulik, Russisch", """
                    Betreue unsere Kunden in Norddeutschland und Osteuropa."""),
            employee("Ayşe Kaya", SERVICE, "Service-Disponentin", ESSLINGEN, 303,
                    "Einsatzplanung, SAP, Kundenkommunikation", """
                    Ich plane die Einsätze unserer Techniker. Störungsmeldungen bitte immer mit Maschinennummer!"""),
            employee("Stefan Maier", SERVICE, "Servicetechniker Retrofit", ESSLINGEN, 304,
                    "Retrofit, Siemens SINUMERIK, SPS-Programmierung", """
                    Modernisiere ältere Maschinen mit neuen Steuerungen und Antrieben."""),
            employee("Paulina Nowak", SERVICE, "Ersatzteilvertrieb", ESSLINGEN, 305,
                    "Ersatzteile, SAP, Polnisch", """
                    Ersatzteilanfragen bearbeite ich innerhalb eines Werktags."""),
            employee("Hannes Roth", SERVICE, "Anwendungstechniker", ESSLINGEN, 306,
                    "CNC-Fräsen, CAM, Schulungen", """
                    Schule Kunden an der MX-400 und optimiere Bearbeitungsprogramme vor Ort."""),
            employee("Jan-Philipp Koch", SERVICE, "Servicetechniker Hotline", ESSLINGEN, 307,
                    "Ferndiagnose, Fehlerdiagnose, MX-400", """
                    Erste Hilfe am Telefon und per Fernwartung, bevor jemand losfahren muss."""),

            // Konstruktion & Entwicklung
            employee("Dr. Frank Zimmermann", KONSTRUKTION, "Leiter Konstruktion & Entwicklung", ESSLINGEN, 400,
                    "Maschinendynamik, Produktentwicklung, Spindellager", """
                    Verantwortlich für die Entwicklung der MX-Baureihe. Promoviert am Institut für \
                    Produktionstechnik Süd, mit dem wir bis heute eng zusammenarbeiten."""),
            employee("Lukas Weber", KONSTRUKTION, "Konstrukteur", ESSLINGEN, 401,
                    "CAD, SolidWorks, Spindellager, Toleranzrechnung", """
                    Konstrukteur im Team Hauptspindel. Aktuell vor allem mit der Spindeleinheit der **MX-500** \
                    beschäftigt.

                    Fragen zu Lagerungen, Passungen und Toleranzen beantworte ich gern."""),
            employee("Benedikt Huber", KONSTRUKTION, "Projektleiter MX-500", ESSLINGEN, 402,
                    "Projektmanagement, Scrum, Produktentwicklung", """
                    Projektleiter für die neue **MX-500**. Den aktuellen Stand gibt es im Space \
                    *Projekt MX-500*."""),
            employee("Mei Lin Zhang", KONSTRUKTION, "Simulation Engineer", ESSLINGEN, 403,
                    "FEM-Simulation, ANSYS, Python, Chinesisch", """
                    I work on structural and thermal simulation for the MX-500 machine bed. I prefer English, \
                    but I'm learning German – feel free to write to me in either language.""").inEnglish(),
            employee("Andreas Schulz", KONSTRUKTION, "Elektrokonstrukteur", ESSLINGEN, 404,
                    "EPLAN, Schaltschrankbau, Antriebstechnik", """
                    Plane Schaltschränke und Verdrahtung für die MX-Baureihe."""),
            employee("Fatma Öztürk", KONSTRUKTION, "Softwareentwicklerin Steuerungstechnik", ESSLINGEN, 405,
                    "SPS-Programmierung, TwinCAT, C++, OPC UA", """
                    Entwickle die Maschinensoftware und die Anbindung an Kundensysteme über OPC UA."""),
            employee("Oleksandr Bondarenko", KONSTRUKTION, "Konstrukteur", ESSLINGEN, 406,
                    "CAD, Vorrichtungsbau, Ukrainisch", """
                    Seit 2022 im Team, konstruiere Vorrichtungen und Baugruppen für Sonderlösungen."""),
            employee("Katharina Fischer", KONSTRUKTION, "Technische Redakteurin", ESSLINGEN, 407,
                    "Betriebsanleitungen, Maschinenrichtlinie, Englisch", """
                    Schreibe Betriebsanleitungen und Wartungsunterlagen – verständlich und CE-konform."""),
            employee("Raphael Schneider", KONSTRUKTION, "Entwicklungsingenieur Antriebstechnik", ESSLINGEN, 408,
                    "Antriebstechnik, Linearmotoren, Messtechnik", """
                    Zuständig für Vorschubantriebe und deren Auslegung."""),
            employee("Johanna Brandl", KONSTRUKTION, "Werkstudentin Entwicklung", ESSLINGEN, 409,
                    "CAD, Python, Zustandsüberwachung", """
                    Schreibe meine Masterarbeit über Zustandsüberwachung von Spindeln."""),

            // Produktion
            employee("Markus Bauer", PRODUKTION, "Produktionsleiter", ESSLINGEN, 500,
                    "Lean Management, Produktionsplanung, Führung", """
                    Verantwortlich für Fertigung, Montage und Logistik im Werk Esslingen. \
                    Ich bin jeden Morgen um 7:30 Uhr beim Shopfloor-Meeting an Tafel 2."""),
            employee("Dragan Jovanović", PRODUKTION, "Meister Montage", ESSLINGEN, 501,
                    "Montage, Spindeleinbau, Ausbildung", """
                    Meister in der Endmontage der MX-400. Bilde seit 15 Jahren Industriemechaniker aus."""),
            employee("Giuseppe Russo", PRODUKTION, "CNC-Fräser", ESSLINGEN, 502,
                    "CNC-Fräsen, Heidenhain, Rüsten", """
                    Fräse Gehäuse und Schlitten für die MX-Baureihe."""),
            employee("Lea Schmitt", PRODUKTION, "Auszubildende Industriemechanikerin", ESSLINGEN, 503,
                    "Montage, Technisches Zeichnen", """
                    Im zweiten Lehrjahr, gerade in der Montage. Mein Ziel: später Technikerin werden."""),
            employee("Kevin Schäfer", PRODUKTION, "Industriemechaniker", ESSLINGEN, 504,
                    "Montage, Hydraulik, Pneumatik", """
                    Montage der Hydraulikaggregate. In der Freizeit beim TV Esslingen am Ball."""),
            employee("Aleksandra Wiśniewska", PRODUKTION, "Arbeitsvorbereitung", ESSLINGEN, 505,
                    "Arbeitspläne, SAP, CAM", """
                    Erstelle Arbeitspläne und NC-Programme für die Fertigung."""),
            employee("Dennis Krause", PRODUKTION, "Schichtleiter Fertigung", ESSLINGEN, 506,
                    "Schichtplanung, CNC-Fräsen, 5S", """
                    Leite die Spätschicht in der mechanischen Fertigung."""),
            employee("Hakan Aydın", PRODUKTION, "Zerspanungsmechaniker", ESSLINGEN, 507,
                    "CNC-Fräsen, Prototypenbau, Messtechnik", """
                    Fertige Prototypenteile – gerade viel für die MX-500."""),
            employee("Uwe Lehmann", PRODUKTION, "Leiter Logistik und Lager", ESSLINGEN, 508,
                    "Lagerlogistik, SAP, Staplerschein", """
                    Wareneingang, Lager und Versand. Lieferungen bitte über Tor 3."""),
            employee("Tim Frank", PRODUKTION, "Auszubildender Mechatroniker", ESSLINGEN, 509,
                    "Elektrotechnik, Montage", """
                    Drittes Lehrjahr, derzeit im Schaltschrankbau."""),
            employee("Kerstin Braun", PRODUKTION, "Produktionsplanerin", ESSLINGEN, 510,
                    "Lean Management, Kanban, SAP, Wertstromanalyse", """
                    Plane die Fertigung und treibe unsere Lean-Projekte voran. Ideen für bessere Abläufe \
                    gern in die *Ideenwerkstatt*!"""),

            // Einkauf
            employee("Birgit Schwarz", EINKAUF, "Leiterin Einkauf", STUTTGART, 600,
                    "Lieferantenmanagement, Verhandlungsführung, SAP", """
                    Leite den Einkauf mit Schwerpunkt auf strategischen Lieferanten."""),
            employee("Ahmet Çelik", EINKAUF, "Strategischer Einkäufer", STUTTGART, 601,
                    "Lieferantenmanagement, Spindellager, Wälzlager, SAP", """
                    Betreue unsere Lieferanten für Lager, Spindeln und Antriebskomponenten."""),
            employee("Monika Weiß", EINKAUF, "Einkäuferin", STUTTGART, 602,
                    "Bestellwesen, SAP, C-Teile", """
                    Bestellungen für Normteile, Verbrauchsmaterial und Büroartikel."""),
            employee("Felix Jung", EINKAUF, "Disponent", ESSLINGEN, 603,
                    "Materialdisposition, SAP, Kanban", """
                    Sorge dafür, dass das Material rechtzeitig an der Linie ist."""),

            // Qualitätsmanagement
            employee("Sabine Krüger", QM, "QM-Beauftragte", ESSLINGEN, 700,
                    "ISO 9001, 8D-Report, FMEA, Lieferantenaudits", """
                    QM-Beauftragte und Moderatorin des *Qualitätszirkels*.

                    Reklamationen, Audits, Verbesserungsmaßnahmen: Ich helfe, aus Fehlern Verbesserungen zu \
                    machen – ohne Schuldzuweisungen."""),
            employee("Robert Hahn", QM, "Messtechniker", ESSLINGEN, 701,
                    "Messtechnik, Zeiss CMM, Prüfplanung", """
                    Betreue unsere Koordinatenmessmaschine und erstelle Prüfpläne."""),
            employee("Elena Popescu", QM, "Lieferantenqualität", ESSLINGEN, 702,
                    "Lieferantenaudits, Erstbemusterung, Rumänisch", """
                    Erstbemusterung und Audits bei unseren Lieferanten."""),
            employee("Nico Vogel", QM, "Prüfer Wareneingang", ESSLINGEN, 703,
                    "Wareneingangsprüfung, Messtechnik", """
                    Prüfe zugekaufte Teile, bevor sie ins Lager gehen."""),

            // Personal
            employee("Anja Richter", PERSONAL, "Personalleiterin", STUTTGART, 800,
                    "Arbeitsrecht, Personalentwicklung, Recruiting", """
                    Ansprechpartnerin für alle Fragen rund um Arbeitsvertrag, Weiterbildung und \
                    Entwicklungsgespräche."""),
            employee("Miriam Engel", PERSONAL, "Personalreferentin", STUTTGART, 801,
                    "Recruiting, Onboarding, Betriebliches Gesundheitsmanagement", """
                    Kümmere mich um neue Kolleginnen und Kollegen und organisiere Firmenlauf und Sommerfest."""),
            employee("Sandra Kühn", PERSONAL, "Ausbildungsleiterin", ESSLINGEN, 802,
                    "Ausbildung, Berufsorientierung, IHK-Prüfungen", """
                    Verantwortlich für unsere 14 Auszubildenden und dual Studierenden."""),

            // IT
            employee("Tobias Brandt", IT, "IT-Administrator", STUTTGART, 900,
                    "Linux, Netzwerke, IT-Sicherheit, Kontor", """
                    Administrator für Server, Netzwerk und das Kontor.

                    Probleme mit Laptop, Drucker oder Zugang? Bitte im Space **IT-Helpdesk** melden, \
                    nicht per Mail – dann sehen es alle im Team."""),
            employee("Jonas Lorenz", IT, "SAP-Inhouse-Berater", STUTTGART, 901,
                    "SAP, SAP PP, ABAP", """
                    Betreue SAP für Produktion, Einkauf und Vertrieb."""),
            employee("Amira Haddad", IT, "IT-Support", STUTTGART, 902,
                    "IT-Support, Windows, Arabisch", """
                    Erste Ansprechpartnerin im IT-Helpdesk."""),
            employee("Piotr Zieliński", IT, "IT-Sicherheit und Netzwerk", ESSLINGEN, 903,
                    "IT-Sicherheit, Netzwerke, OT-Security", """
                    Sichere Büro- und Maschinennetze ab."""),

            // Marketing & Kommunikation
            employee("Laura Meier", MARKETING, "Leiterin Marketing & Kommunikation", STUTTGART, 1000,
                    "Markenführung, Messen, Pressearbeit", """
                    Verantwortlich für Marke, Messen und die interne Kommunikation."""),
            employee("Nina Petrović", MARKETING, "Social Media & PR", STUTTGART, 1001,
                    "Social Media, Pressearbeit, Community Management, Fotografie", """
                    Ich kümmere mich um unsere Kanäle nach außen und die *Kunden-Community*.

                    Wenn über uns im Netz geredet wird, sehe ich es meistens zuerst – und sorge dafür, dass \
                    die richtigen Kolleginnen und Kollegen antworten."""),
            employee("Kai Schubert", MARKETING, "Grafikdesigner", STUTTGART, 1002,
                    "Grafikdesign, Messebau, Adobe InDesign", """
                    Gestalte Prospekte, Messestände und alles, was gut aussehen soll."""),

            // Betriebsrat
            employee("Klaus Neumann", BETRIEBSRAT, "Betriebsratsvorsitzender", ESSLINGEN, 1100,
                    "Arbeitsrecht, Arbeitsschutz, Betriebsverfassung", """
                    Vorsitzender des Betriebsrats, gelernter Werkzeugmacher. Sprechstunde jeden Dienstag \
                    von 13 bis 15 Uhr im Betriebsratsbüro, Gebäude B."""),
            employee("Gül Arslan", BETRIEBSRAT, "Stellvertretende Betriebsratsvorsitzende", ESSLINGEN, 1101,
                    "Arbeitszeitmodelle, Gleichstellung, Türkisch", """
                    Stellvertretende Vorsitzende, Schwerpunkt Arbeitszeit und Vereinbarkeit von Familie und \
                    Beruf."""));

    static final List<Person> GUESTS = List.of(
            guest("Stefanie Lang", "berger-automotive.de", "Berger Automotive AG", "Fertigungsleiterin",
                    "Ingolstadt", "+49 841 93350-214", """
                    Fertigungsleiterin bei Berger Automotive, wir betreiben zwölf MX-400 im Dreischichtbetrieb."""),
            guest("Ole Nordholz", "nordholz-werkzeugbau.de", "Nordholz Werkzeugbau GmbH", "Geschäftsführer",
                    "Lüdenscheid", "+49 2351 66170-10", """
                    Geschäftsführer der Nordholz Werkzeugbau GmbH – Formenbau für Kunststoffspritzguss."""));

    static final List<Person> ALL = Stream.concat(EMPLOYEES.stream(), GUESTS.stream()).toList();

    private DemoPeople() {
    }

    private static Person employee(String displayName, String unit, String jobTitle, String location, int extension,
                                   String skills, String about) {
        String key = key(displayName);
        return new Person(key, key + "@" + DOMAIN, displayName, ADMINS.contains(key) ? "ADMIN" : "MEMBER", unit,
                jobTitle, location, "+49 711 4589-" + extension, null, "de", split(skills), about);
    }

    private static Person guest(String displayName, String domain, String company, String jobTitle, String location,
                                String phone, String about) {
        String key = key(displayName);
        return new Person(key, key + "@" + domain, displayName, "GUEST", null, jobTitle, location, phone, company,
                "de", List.of(), about);
    }

    private static List<String> split(String skills) {
        return Arrays.stream(skills.split(",")).map(String::strip).toList();
    }

    /** "Dr. Mei Lin Zhang" → "mei-lin.zhang", "Murat Yılmaz" → "murat.yilmaz", "Kevin Schäfer" → "kevin.schaefer". */
    static String key(String displayName) {
        String name = displayName.replaceFirst("^Dr\\. ", "").toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("ı", "i").replace("ł", "l");
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        int last = ascii.lastIndexOf(' ');
        return ascii.substring(0, last).replace(' ', '-') + "." + ascii.substring(last + 1);
    }
}
