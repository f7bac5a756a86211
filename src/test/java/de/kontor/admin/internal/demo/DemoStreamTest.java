package de.kontor.admin.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import de.kontor.admin.internal.demo.DemoPeople.Person;
import de.kontor.admin.internal.demo.DemoStream.Comment;
import de.kontor.admin.internal.demo.DemoStream.Content;
import de.kontor.admin.internal.demo.DemoStream.Post;
import de.kontor.stream.PostText;

/** The demo stream is plausible and consistent before any database is involved. */
class DemoStreamTest {

    private static final Instant NOW = Instant.parse("2025-03-12T10:17:00Z");
    private static final Content CONTENT = DemoStream.content(NOW);
    private static final Map<String, Person> PEOPLE = DemoPeople.ALL.stream()
            .collect(Collectors.toMap(Person::key, Function.identity()));

    @Test
    void aFewHundredPostsWithConversationsAndReactions() {
        assertThat(CONTENT.posts()).hasSizeBetween(250, 350);
        assertThat(CONTENT.comments()).hasSizeBetween(350, 500);
        assertThat(CONTENT.reactions()).hasSizeBetween(650, 1000);
        assertThat(CONTENT.posts().stream().map(Post::space).distinct())
                .containsExactlyInAnyOrderElementsOf(DemoSpaces.SPACES.stream().map(DemoSpaces.Space::name).toList());
        assertThat(CONTENT.comments().stream().filter(c -> c.parent() != null)).hasSizeGreaterThan(40);
    }

    @Test
    void theSameLoadTimeGivesTheSameContent() {
        assertThat(DemoStream.content(NOW)).isEqualTo(CONTENT);
    }

    @Test
    void everyoneWritesAndReactsOnlyWhereTheyAreMembers() {
        for (Post p : CONTENT.posts()) {
            Set<String> members = DemoSpaces.everyoneIn(DemoSpaces.byName(p.space()));
            assertThat(members).as("author of %s", p.body()).contains(p.author());
            if (PEOPLE.get(p.author()).guest()) {
                assertThat(p.space()).isEqualTo(DemoStream.KUNDEN);
            }
            assertThat(members).as("mentioned in %s", p.body()).containsAll(DemoStream.mentionedKeys(p.body()));
        }
        for (Comment c : CONTENT.comments()) {
            Post p = CONTENT.posts().get(c.post());
            Set<String> members = DemoSpaces.everyoneIn(DemoSpaces.byName(p.space()));
            assertThat(members).as("author of comment %s", c.body()).contains(c.author());
            assertThat(members).as("mentioned in %s", c.body()).containsAll(DemoStream.mentionedKeys(c.body()));
            assertThat(PEOPLE.get(c.author()).guest() && !p.space().equals(DemoStream.KUNDEN)).isFalse();
        }
        for (DemoStream.Reaction r : CONTENT.reactions()) {
            Post p = CONTENT.posts().get(r.post());
            assertThat(DemoSpaces.everyoneIn(DemoSpaces.byName(p.space()))).contains(r.user());
            assertThat(r.user()).isNotEqualTo(p.author());
            assertThat(r.code()).isIn("thumbsup", "heart", "tada", "smile", "thinking", "eyes");
        }
        assertThat(CONTENT.reactions().stream().map(r -> r.post() + "/" + r.user() + "/" + r.code()).distinct())
                .hasSize(CONTENT.reactions().size());
    }

    @Test
    void timesLieInThePastSixWeeksAndConversationsFollowThePost() {
        Instant earliest = NOW.minus(Duration.ofDays(45));
        for (Post p : CONTENT.posts()) {
            assertThat(p.at()).isBetween(earliest, NOW);
        }
        Map<Integer, Comment> byIndex = new HashMap<>();
        for (Comment c : CONTENT.comments()) {
            byIndex.put(c.index(), c);
            Post p = CONTENT.posts().get(c.post());
            assertThat(c.at()).isAfter(p.at()).isBefore(NOW);
            if (c.parent() != null) {
                Comment parent = byIndex.get(c.parent());
                assertThat(parent.post()).isEqualTo(c.post());
                assertThat(parent.parent()).isNull();
                assertThat(c.at()).isAfter(parent.at());
            }
        }
        for (DemoStream.Reaction r : CONTENT.reactions()) {
            assertThat(r.at()).isAfter(CONTENT.posts().get(r.post()).at()).isBefore(NOW);
        }
    }

    @Test
    void textsAreWhatPeopleTypeAndFitTheSchema() {
        for (String body : bodies()) {
            assertThat(body).isEqualTo(body.strip()).hasSizeBetween(1, PostText.MAX_LENGTH)
                    .doesNotContainIgnoringCase("lorem").doesNotContain("%s").doesNotContain("\\n")
                    .doesNotContain("$author");
        }
        assertThat(CONTENT.posts().stream().map(Post::body).distinct()).hasSize(CONTENT.posts().size());
        Map<String, Long> tags = CONTENT.posts().stream()
                .flatMap(p -> PostText.render(p.body()).tags().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(tags).containsKeys("mx500", "mx400", "spindellager", "qualität", "arbeitssicherheit", "kantine",
                "it", "messe");
        assertThat(CONTENT.posts().stream().filter(Post::pinned)).hasSizeBetween(1, 4);
    }

    @Test
    void afewPeopleAreVeryActiveAndManyAreQuiet() {
        Map<String, Long> perPerson = CONTENT.posts().stream().map(Post::author)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        CONTENT.comments().forEach(c -> perPerson.merge(c.author(), 1L, Long::sum));
        List<String> top = perPerson.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8).map(Map.Entry::getKey).toList();
        assertThat(top).contains("katrin.albers", "nina.petrovic", "murat.yilmaz", "sabine.krueger");
        long quiet = DemoPeople.ALL.stream().filter(p -> perPerson.getOrDefault(p.key(), 0L) <= 5).count();
        assertThat(quiet).isGreaterThanOrEqualTo(DemoPeople.ALL.size() / 4);
    }

    @Test
    void theSpindleStoryIsTold() {
        assertThat(CONTENT.posts()).anySatisfy(p -> {
            assertThat(p.space()).isEqualTo(DemoStream.SERVICE);
            assertThat(p.body()).contains("2.000 Betriebsstunden");
        });
        assertThat(CONTENT.posts()).anySatisfy(p -> {
            assertThat(p.space()).isEqualTo(DemoStream.KUNDEN);
            assertThat(p.author()).isEqualTo("stefanie.lang");
            assertThat(CONTENT.comments()).anySatisfy(c -> {
                assertThat(c.post()).isEqualTo(p.index());
                assertThat(c.author()).isEqualTo("murat.yilmaz");
            });
        });
        assertThat(CONTENT.posts()).anySatisfy(p -> {
            assertThat(p.space()).isEqualTo(DemoStream.QZ);
            assertThat(p.body()).contains("Entscheidung").contains("Schmid Präzisionslager");
        });
    }

    /** Every demo text renders through the stream module's own parser, and its mentions resolve to real people. */
    @Test
    void everyMentionResolvesToAPerson() {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < DemoPeople.ALL.size(); i++) {
            ids.put(DemoPeople.ALL.get(i).key(), 1000L + i);
        }
        int mentions = 0;
        for (String body : bodies()) {
            String typed = DemoStream.resolve(body, ids);
            PostText.Rendered app = PostText.render(typed);
            assertThat(app.mentions()).as(typed).hasSize(DemoStream.mentionedKeys(body).size());
            assertThat(ids.values()).containsAll(app.mentions());
            mentions += app.mentions().size();
        }
        assertThat(mentions).isGreaterThan(20);
        assertThat(DemoStream.resolve("Danke @{murat.yilmaz}!", ids)).isEqualTo("Danke @[Murat Yılmaz](user:"
                + ids.get("murat.yilmaz") + ")!");
    }

    @Test
    void followsReferToKnownPeopleSpacesAndTags() {
        for (DemoStream.Follow f : DemoStream.FOLLOWS) {
            assertThat(PEOPLE).containsKey(f.user());
            switch (f.type()) {
                case "USER" -> assertThat(PEOPLE).containsKey(f.target());
                case "SPACE" -> assertThat(DemoSpaces.everyoneIn(DemoSpaces.byName(f.target())))
                        .as("a followed space the person is not already in").doesNotContain(f.user());
                case "TAG" -> assertThat(f.target()).isEqualTo(f.target().toLowerCase());
                default -> throw new AssertionError(f.type());
            }
            assertThat(f.user()).isNotEqualTo(f.target());
        }
    }

    private static List<String> bodies() {
        return java.util.stream.Stream.concat(CONTENT.posts().stream().map(Post::body),
                CONTENT.comments().stream().map(Comment::body)).toList();
    }
}
