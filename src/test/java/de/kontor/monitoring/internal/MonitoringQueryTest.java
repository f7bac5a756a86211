package de.kontor.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import de.kontor.shared.DomainException;

class MonitoringQueryTest {

    @Test
    void wordsMatchWholeWordsIgnoringCaseAndUmlauts() {
        Query q = Query.parse("Störung");
        assertThat(q.matches("Wieder eine STÖRUNG an der Anlage")).isTrue();
        assertThat(q.matches("stoerung gemeldet")).isTrue();
        assertThat(q.matches("Störungen")).isFalse();
        assertThat(Query.parse("Störung*").matches("Störungen seit Montag")).isTrue();
    }

    @Test
    void implicitAndExplicitAnd() {
        assertThat(Query.parse("muster maschinenbau").matches("Maschinenbau von Muster")).isTrue();
        assertThat(Query.parse("muster AND spindel").matches("Muster liefert Fräsen")).isFalse();
    }

    @Test
    void orAndNotWithPrecedence() {
        Query q = Query.parse("MX-400 OR \"Muster Maschinenbau\" NOT Stellenanzeige");
        assertThat(q.matches("Die MX-400 läuft")).isTrue();
        assertThat(q.matches("Muster Maschinenbau sucht")).isTrue();
        assertThat(q.matches("Stellenanzeige: Muster Maschinenbau sucht Dreher")).isFalse();
        // NOT binds to the AND group of the second alternative only
        assertThat(q.matches("Stellenanzeige für die MX-400")).isTrue();
        assertThat(Query.parse("(spindel OR lager) -job").matches("Spindel defekt")).isTrue();
        assertThat(Query.parse("(spindel OR lager) -job").matches("Spindel job")).isFalse();
    }

    @Test
    void exactPhrasesKeepWordOrder() {
        Query q = Query.parse("\"muster maschinenbau\"");
        assertThat(q.matches("Gestern bei MUSTER Maschinenbau")).isTrue();
        assertThat(q.matches("Maschinenbau Muster")).isFalse();
        assertThat(Query.parse("„Muster Maschinenbau“").matches("muster maschinenbau")).isTrue();
    }

    @Test
    void malformedQueriesAreRejected() {
        for (String bad : new String[]{"", "  ", "(spindel", "\"offen", "a OR", "NOT", "()", "a )"}) {
            assertThatThrownBy(() -> Query.parse(bad)).as(bad).isInstanceOf(DomainException.Invalid.class);
        }
    }
}
