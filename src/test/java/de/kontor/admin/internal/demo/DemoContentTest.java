package de.kontor.admin.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import de.kontor.admin.internal.demo.DemoPeople.Person;
import de.kontor.admin.internal.demo.DemoSpaces.Space;

/** The demo content is consistent with itself and with the schema's limits, before any database is involved. */
class DemoContentTest {

    private static final Map<String, Person> PEOPLE = DemoPeople.ALL.stream()
            .collect(Collectors.toMap(Person::key, Function.identity()));

    @Test
    void peopleHaveUniqueAsciiAddressesAndFitTheSchema() {
        assertThat(PEOPLE).hasSize(DemoPeople.ALL.size());
        assertThat(DemoPeople.ALL).hasSizeGreaterThanOrEqualTo(55);
        assertThat(DemoPeople.ALL.stream().filter(Person::guest).map(Person::company))
                .containsExactly("Berger Automotive AG", "Nordholz Werkzeugbau GmbH");
        assertThat(DemoPeople.ALL.stream().filter(p -> p.role().equals("ADMIN")).map(Person::displayName))
                .containsExactlyInAnyOrder("Dr. Katrin Albers", "Tobias Brandt");
        for (Person p : DemoPeople.ALL) {
            assertThat(p.email()).matches("[a-z-]+\\.[a-z]+@[a-z.-]+");
            assertThat(p.displayName().length()).isBetween(1, 120);
            assertThat(p.skills()).allSatisfy(s -> assertThat(s.length()).isBetween(1, 60));
            assertThat(p.guest()).isEqualTo(p.unit() == null);
            assertThat(p.about()).isNotBlank();
        }
        assertThat(DemoPeople.EMPLOYEES).allSatisfy(p -> assertThat(DemoPeople.UNITS).contains(p.unit()));
        assertThat(DemoPeople.UNITS).allSatisfy(u ->
                assertThat(DemoPeople.EMPLOYEES).anySatisfy(p -> assertThat(p.unit()).isEqualTo(u)));
    }

    @Test
    void keysAreDerivedFromNames() {
        assertThat(DemoPeople.key("Dr. Katrin Albers")).isEqualTo("katrin.albers");
        assertThat(DemoPeople.key("Murat Yılmaz")).isEqualTo("murat.yilmaz");
        assertThat(DemoPeople.key("Mei Lin Zhang")).isEqualTo("mei-lin.zhang");
        assertThat(DemoPeople.key("Aleksandra Wiśniewska")).isEqualTo("aleksandra.wisniewska");
        assertThat(DemoPeople.key("Monika Weiß")).isEqualTo("monika.weiss");
    }

    @Test
    void spacesReferToKnownPeopleAndFitTheSchema() {
        assertThat(DemoSpaces.SPACES).hasSize(11);
        Set<String> names = new HashSet<>();
        for (Space s : DemoSpaces.SPACES) {
            assertThat(names.add(s.name().toLowerCase())).as("unique name %s", s.name()).isTrue();
            assertThat(s.name().length()).isBetween(2, 80);
            assertThat(s.description().length()).isBetween(1, 2000);
            assertThat(s.visibility()).isIn("PUBLIC", "PRIVATE", "SECRET");
            assertThat(PEOPLE).containsKey(s.owner());
            assertThat(PEOPLE.get(s.owner()).guest()).isFalse();
            assertThat(PEOPLE).containsKeys(s.moderators().toArray(String[]::new));
            for (String m : s.members()) {
                if (m.startsWith("@")) {
                    assertThat(DemoPeople.UNITS).contains(m.substring(1));
                } else if (!m.equals(DemoSpaces.EVERYONE)) {
                    assertThat(PEOPLE).as("member of %s", s.name()).containsKey(m);
                }
            }
        }
        Space secret = space("Geschäftsführung intern");
        assertThat(secret.visibility()).isEqualTo("SECRET");
        assertThat(1 + secret.moderators().size() + secret.members().size()).isLessThanOrEqualTo(6);
        assertThat(space("Kunden-Community").members()).contains("stefanie.lang", "ole.nordholz");
        assertThat(DemoSpaces.SPACES.stream().filter(s -> s != space("Kunden-Community"))
                .flatMap(s -> s.members().stream())).doesNotContain("stefanie.lang", "ole.nordholz");
    }

    @Test
    void pendingRequestsAndInvitationsAreForPeopleNotYetInTheSpace() {
        assertThat(DemoSpaces.JOIN_REQUESTS).isNotEmpty().allSatisfy(r -> {
            assertThat(PEOPLE).containsKey(r.person());
            assertThat(r.message().length()).isLessThanOrEqualTo(500);
            assertThat(everyoneIn(space(r.space()))).doesNotContain(r.person());
        });
        assertThat(DemoSpaces.INVITATIONS).isNotEmpty().allSatisfy(i -> {
            assertThat(PEOPLE).containsKeys(i.person(), i.invitedBy());
            assertThat(everyoneIn(space(i.space()))).doesNotContain(i.person()).contains(i.invitedBy());
        });
    }

    private static Space space(String name) {
        return DemoSpaces.SPACES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> everyoneIn(Space s) {
        List<String> all = new ArrayList<>(s.members());
        all.add(s.owner());
        all.addAll(s.moderators());
        s.members().stream().filter(m -> m.startsWith("@")).forEach(m -> DemoPeople.EMPLOYEES.stream()
                .filter(p -> p.unit().equals(m.substring(1))).forEach(p -> all.add(p.key())));
        return all;
    }
}
