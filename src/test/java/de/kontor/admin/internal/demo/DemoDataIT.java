package de.kontor.admin.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.shared.KontorProperties;
import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

@ActiveProfiles("demo")
class DemoDataIT extends AbstractIT {

    private static final Path DATA_DIR = freshDataDir();
    private static final List<String> TABLES = List.of("org_units", "users", "user_skills", "spaces",
            "space_members", "space_join_requests", "space_invitations", "demo_data", "posts", "comments",
            "reactions", "post_tags", "mentions", "follows", "wiki_pages", "wiki_revisions", "wiki_labels");

    @DynamicPropertySource
    static void demoDataDir(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", DATA_DIR::toString);
    }

    @Autowired
    DemoDataLoader loader;

    @Autowired
    KontorProperties properties;

    @Test
    void theDemoCompanyIsLoadedAtStartIntoItsOwnDatabase() {
        assertThat(properties.dataDir()).isEqualTo(DATA_DIR);
        assertThat(count("select count(*) from users where email like '%@muster-maschinenbau.de'"))
                .isGreaterThanOrEqualTo(55);
        assertThat(count("select count(*) from users where role = 'GUEST'")).isEqualTo(2);
        assertThat(count("select count(*) from users where role = 'ADMIN' and email like '%@muster-maschinenbau.de'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from spaces")).isBetween(11, 12);
        assertThat(count("""
                select count(*) from org_units o join org_units r on r.id = o.parent_id
                where r.name = 'Muster Maschinenbau GmbH'""")).isEqualTo(11);

        assertThat(count("""
                select count(*) from space_members m join spaces s on s.id = m.space_id
                where s.visibility = 'SECRET' and s.name = 'Geschäftsführung intern'""")).isBetween(2, 6);
        assertThat(data.jdbc().sql("""
                        select u.email from space_members m join spaces s on s.id = m.space_id
                        join users u on u.id = m.user_id where s.name = 'Kunden-Community' and u.role = 'GUEST'""")
                .query(String.class).list())
                .containsExactlyInAnyOrder("stefanie.lang@berger-automotive.de", "ole.nordholz@nordholz-werkzeugbau.de");
        // the guests make Kunden-Community (and only it) an external space
        assertThat(data.jdbc().sql("""
                        select distinct s.name from space_members m join spaces s on s.id = m.space_id where m.guest""")
                .query(String.class).list()).containsExactly("Kunden-Community");
        assertThat(count("""
                select count(*) from space_members m join spaces s on s.id = m.space_id
                where s.name = 'Alle'""")).isEqualTo(count("select count(*) from users where role <> 'GUEST'"));
        assertThat(count("select count(*) from space_members where role = 'OWNER'")).isEqualTo(11);
        assertThat(count("select count(*) from space_join_requests")).isEqualTo(2);
        assertThat(count("select count(*) from space_invitations")).isEqualTo(2);
        assertThat(data.jdbc().sql("""
                        select s.skill from user_skills s join users u on u.id = s.user_id
                        where u.email = 'lukas.weber@muster-maschinenbau.de'""").query(String.class).list())
                .contains("Spindellager", "CAD");
        assertThat(count("select count(*) from user_skills"))
                .isEqualTo(DemoPeople.ALL.stream().mapToInt(p -> p.skills().size()).sum());
    }

    @Test
    void theStreamHasAFewHundredPostsByMembersOfTheirSpaces() {
        assertThat(count("select count(*) from posts")).isBetween(250, 350);
        assertThat(count("select count(*) from comments")).isBetween(350, 500);
        assertThat(count("select count(*) from reactions")).isBetween(650, 1000);
        assertThat(count("select count(*) from mentions")).isGreaterThan(20);
        assertThat(count("select count(*) from post_tags")).isGreaterThan(200);
        assertThat(count("select count(*) from follows where target_type <> 'POST'")).isGreaterThan(20);
        assertThat(count("select count(distinct space_id) from posts")).isEqualTo(DemoSpaces.SPACES.size());
        assertThat(count("""
                select count(*) from posts where created_at > now() or created_at < now() - interval '45 days'"""))
                .isZero();

        // authors, commenters, reacting and mentioned people are members of the space
        assertThat(count("""
                select count(*) from posts p
                where not exists
                      (select 1 from space_members m where m.space_id = p.space_id and m.user_id = p.author_id)"""))
                .isZero();
        assertThat(count("""
                select count(*) from comments c join posts p on p.id = c.post_id
                where not exists
                      (select 1 from space_members m where m.space_id = p.space_id and m.user_id = c.author_id)"""))
                .isZero();
        assertThat(count("""
                select count(*) from reactions r join posts p on p.id = r.post_id
                where not exists
                      (select 1 from space_members m where m.space_id = p.space_id and m.user_id = r.user_id)"""))
                .isZero();
        assertThat(count("""
                select count(*) from mentions x
                where not exists
                      (select 1 from space_members m where m.space_id = x.space_id and m.user_id = x.user_id)"""))
                .isZero();
        assertThat(count("""
                select count(*) from posts p join spaces s on s.id = p.space_id
                where s.visibility = 'SECRET' and not exists
                      (select 1 from space_members m where m.space_id = p.space_id and m.user_id = p.author_id)"""))
                .isZero();
        assertThat(count("""
                select count(*) from posts p join spaces s on s.id = p.space_id where s.visibility = 'SECRET'"""))
                .isGreaterThan(3);
        // guests write only in Kunden-Community
        assertThat(data.jdbc().sql("""
                        select distinct s.name from spaces s join posts p on p.space_id = s.id
                        join users u on u.id = p.author_id where u.role = 'GUEST'
                        union
                        select distinct s.name from spaces s join posts p on p.space_id = s.id
                        join comments c on c.post_id = p.id join users u on u.id = c.author_id
                        where u.role = 'GUEST'""")
                .query(String.class).list()).containsExactly("Kunden-Community");

        // the counts are the rows
        assertThat(count("""
                select count(*) from posts p
                where comment_count <> (select count(*) from comments c where c.post_id = p.id and c.deleted_at is null)
                   or reaction_count <> (select count(*) from reactions r where r.post_id = p.id)"""))
                .isZero();
        // tags and mentions carry the post's space and time
        assertThat(count("""
                select count(*) from post_tags t join posts p on p.id = t.post_id
                where t.space_id is distinct from p.space_id or t.created_at <> p.created_at""")).isZero();
        assertThat(count("""
                select count(*) from mentions x join posts p on p.id = x.post_id
                where x.space_id is distinct from p.space_id or x.created_at <> p.created_at""")).isZero();
        assertThat(count("select count(*) from comments r join comments c on c.id = r.parent_id "
                + "where c.post_id <> r.post_id or c.parent_id is not null")).isZero();
    }

    @Test
    void theStreamTellsTheSpindleStory() {
        assertThat(count("""
                select count(*) from posts p join spaces s on s.id = p.space_id
                where s.name = 'Service-Team' and p.body like '%2.000 Betriebsstunden%'""")).isGreaterThanOrEqualTo(1);
        assertThat(count("""
                select count(*) from posts p join spaces s on s.id = p.space_id join users u on u.id = p.author_id
                where s.name = 'Kunden-Community' and u.email = 'stefanie.lang@berger-automotive.de'
                """)).isGreaterThanOrEqualTo(2);
        assertThat(count("""
                select count(*) from post_tags t join spaces s on s.id = t.space_id
                where t.tag = 'spindellager' and s.name = 'Qualitätszirkel'""")).isGreaterThanOrEqualTo(3);
        // a mention is stored in the app's syntax and rendered as a profile link
        String body = data.jdbc().sql("""
                        select p.body_html from posts p join mentions x on x.post_id = p.id and x.comment_id is null
                        join users u on u.id = x.user_id where u.email = 'murat.yilmaz@muster-maschinenbau.de'
                        order by p.created_at limit 1""").query(String.class).single();
        assertThat(body).contains("href=\"/people/").contains("Murat Yılmaz").contains("href=\"/tags/");
    }

    @Test
    void theCompanyWikiHasOnboardingProcessesAndMeetingNotes() {
        assertThat(count("""
                select count(*) from wiki_pages p join spaces s on s.id = p.space_id
                where s.name = 'Alle' and p.title in ('Willkommen bei Muster Maschinenbau', 'Deine erste Woche',
                                                      'Kundenreklamation bearbeiten')""")).isEqualTo(3);
        assertThat(count("""
                select count(*) from wiki_revisions r join wiki_pages p on p.id = r.page_id
                where p.title = 'Urlaub und Abwesenheit'""")).isEqualTo(2);
        assertThat(count("""
                select count(*) from wiki_pages p join spaces s on s.id = p.space_id
                where s.name = 'Qualitätszirkel' and p.parent_id is not null""")).isGreaterThanOrEqualTo(2);
        WebSession lukas = WebSession.login(baseUrl(), "lukas.weber@muster-maschinenbau.de", DemoDataLoader.PASSWORD);
        int alle = count("select id from spaces where name = 'Alle'");
        assertThat(lukas.get("/spaces/" + alle + "/wiki").body()).contains("Deine erste Woche");
    }

    @Test
    void theExpertFinderKnowsWhoProgramsControls() {
        assertThat(count("""
                select count(*) from skill_endorsements e join users u on u.id = e.user_id
                where u.email = 'murat.yilmaz@muster-maschinenbau.de' and e.skill = 'sps-programmierung'"""))
                .isEqualTo(4);
        WebSession lukas = WebSession.login(baseUrl(), "lukas.weber@muster-maschinenbau.de", DemoDataLoader.PASSWORD);
        String page = lukas.get("/people/experts?q=SPS-Programmierung").body();
        assertThat(page).contains("Murat Yılmaz").contains("bestätigt von 4 Personen");
        assertThat(page.indexOf("Murat Yılmaz")).isLessThan(page.indexOf("Stefan Maier"));
    }

    @Test
    void demoAccountsSignInWithTheDemoPassword() {
        for (String email : List.of("katrin.albers@muster-maschinenbau.de", "lukas.weber@muster-maschinenbau.de",
                "stefanie.lang@berger-automotive.de")) {
            Http r = anonymous().submitLogin(email, DemoDataLoader.PASSWORD);
            assertThat(r.status()).as(email).isEqualTo(302);
            assertThat(r.location()).as(email).doesNotContain("/login");
        }
        WebSession admin = WebSession.login(baseUrl(), "tobias.brandt@muster-maschinenbau.de", DemoDataLoader.PASSWORD);
        assertThat(admin.get("/").status()).isLessThan(500);
    }

    @Test
    void loadingAgainChangesNothing() {
        Map<String, Integer> before = counts();
        loader.run();
        assertThat(counts()).isEqualTo(before);

        // even without the marker nothing is duplicated: people, units and spaces are keyed
        data.jdbc().sql("delete from demo_data").update();
        loader.run();
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void loadsIntoADatabaseWhereAnAdministratorAlreadySetUpKontor() {
        List.of("delete from space_invitations", "delete from space_join_requests", "delete from space_members",
                "delete from spaces", "delete from users", "delete from org_units", "delete from demo_data")
                .forEach(sql -> data.jdbc().sql(sql).update());
        TestData.TestUser setUpAdmin = data.admin();

        loader.run();

        assertThat(count("select count(*) from users")).isEqualTo(DemoPeople.ALL.size() + 1);
        assertThat(count("select count(*) from spaces")).isEqualTo(DemoSpaces.SPACES.size());
        assertThat(data.jdbc().sql("""
                        select m.role from space_members m join spaces s on s.id = m.space_id
                        where s.name = 'Alle' and m.user_id = :id""")
                .param("id", setUpAdmin.id()).query(String.class).single()).isEqualTo("MEMBER");
        assertThat(data.jdbc().sql("select role from users where id = :id").param("id", setUpAdmin.id())
                .query(String.class).single()).isEqualTo("ADMIN");
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, count("select count(*) from " + t)));
        return counts;
    }

    private int count(String sql) {
        return data.jdbc().sql(sql).query(Integer.class).single();
    }

    @Test
    void demoPeopleSignInAndSeeTheGermanStory() {
        org.openqa.selenium.WebDriver driver = de.kontor.support.Browser.start("de");
        try {
            signIn(driver, "katrin.albers@muster-maschinenbau.de");
            String home = driver.findElement(org.openqa.selenium.By.tagName("main")).getText();
            assertThat(home).contains("Dr. Katrin Albers");
            assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("article.post"))).hasSizeGreaterThan(5);
            de.kontor.support.Browser.screenshot(driver, "demo-home");
            driver.get(baseUrl() + "/tags/spindellager");
            assertThat(driver.findElement(org.openqa.selenium.By.tagName("main")).getText()).contains("Spindel");
            de.kontor.support.Browser.screenshot(driver, "demo-tag");

            // the customer guest sees the Kunden-Community conversation and nothing of the company's internals
            driver.manage().deleteAllCookies();
            signIn(driver, "stefanie.lang@berger-automotive.de");
            driver.get(baseUrl() + "/spaces");
            String spaces = driver.findElement(org.openqa.selenium.By.tagName("main")).getText();
            assertThat(spaces).contains("Kunden-Community").doesNotContain("Geschäftsführung intern")
                    .doesNotContain("Betriebsrat").doesNotContain("Kantine");
            de.kontor.support.Browser.screenshot(driver, "demo-guest-spaces");
        } finally {
            driver.quit();
        }
    }

    private void signIn(org.openqa.selenium.WebDriver driver, String email) {
        driver.get(baseUrl() + "/login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(email);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys("kontor-demo");
        driver.findElement(org.openqa.selenium.By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".user-menu")).isEmpty());
    }
}
