package de.kontor.wiki.internal;

import java.util.List;
import java.util.Locale;

/** The page templates every wiki offers, in German and English (the viewer's language). */
final class BuiltInTemplates {

    private BuiltInTemplates() {
    }

    static List<PageTemplate> all(Locale locale) {
        boolean de = "de".equals(locale.getLanguage());
        return de ? GERMAN : ENGLISH;
    }

    private static final List<PageTemplate> GERMAN = List.of(
            new PageTemplate(null, "meeting-notes", "Besprechungsnotizen", """
                    **Datum:** \s
                    **Teilnehmende:** \s
                    **Moderation:** \s

                    ## Tagesordnung
                    1. \s

                    ## Notizen

                    ## Beschlüsse
                    - \s

                    ## Aufgaben
                    | Was | Wer | Bis wann |
                    |---|---|---|
                    | | | |
                    """),
            new PageTemplate(null, "decision-record", "Entscheidungsprotokoll", """
                    **Status:** vorgeschlagen / entschieden / verworfen \s
                    **Entschieden am:** \s
                    **Beteiligte:** \s

                    ## Kontext
                    Worum geht es, und warum müssen wir entscheiden?

                    ## Optionen
                    1. \s
                    2. \s

                    ## Entscheidung
                    Wir haben uns für … entschieden, weil …

                    ## Folgen
                    Was ändert sich dadurch, und was müssen wir beobachten?
                    """),
            new PageTemplate(null, "how-to", "Anleitung", """
                    Kurz: wofür diese Anleitung ist und für wen.

                    ## Voraussetzungen
                    - \s

                    ## Schritte
                    1. \s
                    2. \s
                    3. \s

                    ## Wenn etwas schiefgeht
                    - \s

                    ## Ansprechpartner
                    """),
            new PageTemplate(null, "project-page", "Projektseite", """
                    **Projektleitung:** \s
                    **Zeitraum:** \s
                    **Status:** geplant / läuft / abgeschlossen

                    ## Ziel

                    ## Team
                    | Rolle | Name |
                    |---|---|
                    | | |

                    ## Meilensteine
                    - [ ] \s

                    ## Risiken

                    ## Links und Dokumente
                    """));

    private static final List<PageTemplate> ENGLISH = List.of(
            new PageTemplate(null, "meeting-notes", "Meeting notes", """
                    **Date:** \s
                    **Attendees:** \s
                    **Facilitator:** \s

                    ## Agenda
                    1. \s

                    ## Notes

                    ## Decisions
                    - \s

                    ## Action items
                    | What | Who | By when |
                    |---|---|---|
                    | | | |
                    """),
            new PageTemplate(null, "decision-record", "Decision record", """
                    **Status:** proposed / decided / rejected \s
                    **Decided on:** \s
                    **People involved:** \s

                    ## Context
                    What is this about, and why do we need to decide?

                    ## Options
                    1. \s
                    2. \s

                    ## Decision
                    We decided for … because …

                    ## Consequences
                    What changes, and what do we need to watch?
                    """),
            new PageTemplate(null, "how-to", "How-to", """
                    In short: what this guide is for and for whom.

                    ## Prerequisites
                    - \s

                    ## Steps
                    1. \s
                    2. \s
                    3. \s

                    ## When something goes wrong
                    - \s

                    ## Contact
                    """),
            new PageTemplate(null, "project-page", "Project page", """
                    **Project lead:** \s
                    **Timeline:** \s
                    **Status:** planned / running / done

                    ## Goal

                    ## Team
                    | Role | Name |
                    |---|---|
                    | | |

                    ## Milestones
                    - [ ] \s

                    ## Risks

                    ## Links and documents
                    """));
}
