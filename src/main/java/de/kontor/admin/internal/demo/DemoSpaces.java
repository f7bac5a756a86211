package de.kontor.admin.internal.demo;

import static de.kontor.admin.internal.demo.DemoPeople.BETRIEBSRAT;
import static de.kontor.admin.internal.demo.DemoPeople.IT;
import static de.kontor.admin.internal.demo.DemoPeople.KONSTRUKTION;
import static de.kontor.admin.internal.demo.DemoPeople.QM;
import static de.kontor.admin.internal.demo.DemoPeople.SERVICE;
import static de.kontor.admin.internal.demo.DemoPeople.VERTRIEB;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The spaces of the demo company with their owners, moderators, members, join requests and invitations. */
final class DemoSpaces {

    /** Every employee (not the guests). */
    static final String EVERYONE = "*";

    /**
     * A space. {@code members} holds person keys, {@code "@<org unit>"} for everyone in that unit, or
     * {@link #EVERYONE}; the owner and moderators need not be repeated there.
     */
    record Space(String name, String visibility, int createdDaysAgo, String owner, List<String> moderators,
                 List<String> members, String description) {
    }

    record JoinRequest(String space, String person, int hoursAgo, String message) {
    }

    record Invitation(String space, String person, String role, String invitedBy, int hoursAgo) {
    }

    static final List<Space> SPACES = List.of(
            new Space("Alle", "PUBLIC", 540, "katrin.albers", List.of("nina.petrovic", "anja.richter"),
                    List.of(EVERYONE), """
                    Neuigkeiten für das ganze Unternehmen: Ankündigungen der Geschäftsführung, neue Kolleginnen \
                    und Kollegen, Termine und alles, was alle wissen sollten."""),
            new Space("Vertrieb", "PUBLIC", 500, "jens.hoffmann", List.of("julia.hartmann"),
                    List.of("@" + VERTRIEB, "katrin.albers", "thomas.kessler", "nina.petrovic", "laura.meier",
                            "michael.sauter"), """
                    Austausch im Vertrieb: Leads, Angebote, Messen und Wettbewerb. Fragen aus anderen Abteilungen \
                    zu Kunden und Aufträgen sind ausdrücklich willkommen."""),
            new Space("Service-Team", "PUBLIC", 480, "thomas.kessler", List.of("murat.yilmaz", "ayse.kaya"),
                    List.of("@" + SERVICE, "sabine.krueger", "lukas.weber", "nina.petrovic", "jens.hoffmann",
                            "fatma.oeztuerk"), """
                    Störungen, Einsätze und Erfahrungen aus dem Außendienst. Hier landen auch Kundenanfragen aus \
                    der Kunden-Community und den sozialen Medien, die ein Techniker beantworten sollte."""),
            new Space("Projekt MX-500", "PRIVATE", 300, "benedikt.huber", List.of("frank.zimmermann"),
                    List.of("lukas.weber", "mei-lin.zhang", "andreas.schulz", "fatma.oeztuerk",
                            "oleksandr.bondarenko", "raphael.schneider", "johanna.brandl", "markus.bauer",
                            "sabine.krueger", "ahmet.celik", "jens.hoffmann", "katrin.albers"), """
                    Entwicklungsprojekt der neuen CNC-Fräsmaschine MX-500: Meilensteine, Entscheidungen, \
                    Konstruktionsstände und Prototypenbau. Vertraulich bis zur Vorstellung auf der EMO."""),
            new Space("Geschäftsführung intern", "SECRET", 520, "katrin.albers",
                    List.of("michael.sauter"),
                    List.of("jens.hoffmann", "frank.zimmermann", "markus.bauer", "anja.richter"), """
                    Abstimmung der Geschäftsführung mit den Bereichsleitungen: Zahlen, Personalthemen und \
                    strategische Entscheidungen, bevor sie kommuniziert werden."""),
            new Space("Qualitätszirkel", "PUBLIC", 420, "sabine.krueger", List.of("robert.hahn"),
                    List.of("@" + QM, "murat.yilmaz", "lukas.weber", "ahmet.celik", "markus.bauer",
                            "dragan.jovanovic", "kerstin.braun", "thomas.kessler"), """
                    Monatlicher Qualitätszirkel: Reklamationen, 8D-Reports und Verbesserungsmaßnahmen. \
                    Entscheidungen werden hier asynchron vorbereitet und festgehalten."""),
            new Space("IT-Helpdesk", "PUBLIC", 530, "tobias.brandt", List.of("amira.haddad"),
                    List.of("@" + IT, "petra.lindner", "kerstin.braun", "monika.weiss", "lea.schmitt",
                            "julia.hartmann", "giuseppe.russo", "katharina.fischer", "uwe.lehmann",
                            "miriam.engel", "sophie.wagner"), """
                    Probleme mit Laptop, Drucker, VPN oder SAP? Hier fragen – mit Screenshot und \
                    Fehlermeldung geht es am schnellsten. Geplante Wartungen kündigen wir ebenfalls hier an."""),
            new Space("Betriebsrat", "PRIVATE", 510, "klaus.neumann", List.of("guel.arslan"),
                    List.of("dragan.jovanovic", "ayse.kaya", "robert.hahn", "monika.weiss", "kevin.schaefer"), """
                    Interner Arbeitsraum des Betriebsrats: Sitzungsvorbereitung, Protokolle und \
                    Betriebsvereinbarungen im Entwurf."""),
            new Space("Ideenwerkstatt", "PUBLIC", 360, "kerstin.braun", List.of("nina.petrovic"),
                    List.of("katrin.albers", "sabine.krueger", "markus.bauer", "lukas.weber", "lea.schmitt",
                            "tim.frank", "hakan.aydin", "giuseppe.russo", "johanna.brandl", "stefan.maier",
                            "felix.jung", "amira.haddad", "carina.vogt", "dennis.krause", "mei-lin.zhang",
                            "sandra.kuehn", "kai.schubert"), """
                    Jede Idee zählt: Vorschläge für bessere Abläufe, neue Produkte und einen schöneren \
                    Arbeitsalltag. Gute Ideen werden im Ideenmanagement geprüft und prämiert."""),
            new Space("Kunden-Community", "PUBLIC", 240, "nina.petrovic",
                    List.of("murat.yilmaz", "thomas.kessler"),
                    List.of("stefanie.lang", "ole.nordholz", "jens.hoffmann", "emre.demir", "carina.vogt",
                            "sabine.krueger", "lukas.weber", "hannes.roth", "katrin.albers"), """
                    Der Treffpunkt für unsere Kunden: Erfahrungen mit der MX-400, Tipps aus der Praxis und \
                    Ideen für neue Funktionen. Kunden sind hier als Gäste dabei – bitte keine internen \
                    Informationen posten."""),
            new Space("Kantine & Freizeit", "PUBLIC", 450, "miriam.engel", List.of("klaus.neumann"),
                    List.of("lea.schmitt", "kevin.schaefer", "tim.frank", "giuseppe.russo", "hakan.aydin",
                            "sophie.wagner", "johanna.brandl", "petra.lindner", "ayse.kaya", "guel.arslan",
                            "marco.bianchi", "kai.schubert", "oleksandr.bondarenko", "elena.popescu",
                            "nico.vogel", "dennis.krause", "paulina.nowak", "amira.haddad", "emre.demir",
                            "nina.petrovic", "uwe.lehmann", "katrin.albers"), """
                    Speiseplan, Firmenlauf, Fahrgemeinschaften und der Flohmarkt für alles, was man privat \
                    nicht mehr braucht."""));

    static final List<JoinRequest> JOIN_REQUESTS = List.of(
            new JoinRequest("Projekt MX-500", "carina.vogt", 30,
                    "Mehrere Kunden fragen schon nach der MX-500. Ich würde gern den Stand verfolgen, um "
                            + "ihnen nichts Falsches zu erzählen."),
            new JoinRequest("Projekt MX-500", "hakan.aydin", 6,
                    "Ich fräse gerade die Prototypteile für das Spindelgehäuse und hätte gern direkt Zugriff "
                            + "auf die Zeichnungsstände."));

    static final List<Invitation> INVITATIONS = List.of(
            new Invitation("Projekt MX-500", "hannes.roth", "MEMBER", "benedikt.huber", 20),
            new Invitation("Qualitätszirkel", "lea.schmitt", "MEMBER", "sabine.krueger", 50));

    private DemoSpaces() {
    }

    /** The keys of everyone the demo load makes a member of the space: owner, moderators and members. */
    static Set<String> everyoneIn(Space s) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(s.owner());
        keys.addAll(s.moderators());
        for (String m : s.members()) {
            if (m.equals(EVERYONE)) {
                DemoPeople.EMPLOYEES.forEach(p -> keys.add(p.key()));
            } else if (m.startsWith("@")) {
                DemoPeople.EMPLOYEES.stream().filter(p -> m.substring(1).equals(p.unit()))
                        .forEach(p -> keys.add(p.key()));
            } else {
                keys.add(m);
            }
        }
        return keys;
    }

    static Space byName(String name) {
        return SPACES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo space " + name));
    }
}
