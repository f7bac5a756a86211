package de.kontor.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import de.kontor.shared.internal.JobRunner;
import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/**
 * Through the real UI (German, headless Chromium, strict CSP): a decision is proposed and answered; when its
 * deadline has passed the real job closes it, records the outcome page in the wiki and announces it in the stream.
 * And a poll in a post is voted on in place (htmx).
 */
class DecisionBrowserIT extends AbstractIT {

    @Autowired
    JobRunner scheduler;

    @Test
    void decisionWithDeadlineClosesRecordsItsOutcomeInTheWikiAndAnnouncesIt() {
        TestUser proposer = data.member();
        TestSpace space = data.space("PRIVATE", proposer);
        TestUser colleague = data.member();
        data.addMember(space, colleague, "MEMBER");
        String title = TestData.unique("Neues Schichtmodell");
        WebDriver driver = Browser.start("de");
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            signIn(driver, proposer);
            driver.get(baseUrl() + "/spaces/" + space.id() + "/decisions");
            assertThat(driver.findElement(By.cssSelector(".empty-state")).getText()).contains("Keine offenen");
            driver.findElement(By.cssSelector("a[href='/spaces/" + space.id() + "/decisions/new']")).click();
            driver.findElement(By.id("title")).sendKeys(title);
            driver.findElement(By.id("context")).sendKeys("Ab Januar arbeiten wir in **zwei Schichten**.");
            WebElement deadline = driver.findElement(By.id("deadline"));
            String local = LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(2).withSecond(0).withNano(0)
                    .toString().substring(0, 16);
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", deadline, local);
            Browser.screenshot(driver, "decision-new");
            driver.findElement(By.cssSelector("form[action$='/decisions'] button.btn-primary")).click();
            wait.until(ExpectedConditions.urlMatches(".*/decisions/\\d+$"));
            String decisionUrl = driver.getCurrentUrl();
            String id = decisionUrl.replaceAll(".*/", "");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(driver.findElement(By.cssSelector(".decision .prose strong")).getText())
                    .isEqualTo("zwei Schichten");
            assertThat(driver.findElement(By.cssSelector(".decision-pending")).getText())
                    .contains(colleague.displayName());

            // the colleague answers with a reason
            signOut(driver);
            signIn(driver, colleague);
            driver.get(decisionUrl);
            driver.findElement(By.cssSelector("input[name=position][value=AGREE]")).click();
            driver.findElement(By.id("reason")).sendKeys("Passt zur Auftragslage");
            driver.findElement(By.cssSelector("form.decision-answer button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".decision-answers")));
            assertThat(driver.findElement(By.cssSelector(".decision-answers")).getText())
                    .contains(colleague.displayName()).contains("Zustimmung").contains("Passt zur Auftragslage");
            Browser.screenshot(driver, "decision-open");

            // the deadline passes; the cluster-wide job closes the decision
            data.jdbc().sql("update decisions set deadline = now() - interval '1 second' where id = :id")
                    .param("id", Long.parseLong(id)).update();
            DeadlineJob.runUntil(scheduler, () -> "DECIDED".equals(data.jdbc()
                    .sql("select status from decisions where id = :id").param("id", Long.parseLong(id))
                    .query(String.class).single()));
            driver.get(decisionUrl);
            assertThat(driver.findElement(By.cssSelector(".decision-outcome")).getText()).contains("Angenommen");
            assertThat(driver.findElements(By.cssSelector("form.decision-answer"))).isEmpty();
            Browser.screenshot(driver, "decision-decided");

            // the record page in the wiki
            driver.findElement(By.cssSelector(".decision-outcome a[href*='/wiki/']")).click();
            wait.until(ExpectedConditions.urlContains("/wiki/"));
            String record = driver.findElement(By.tagName("main")).getText();
            assertThat(record).contains(title).contains(colleague.displayName()).contains("Zustimmung")
                    .contains("Passt zur Auftragslage").contains("angenommen").contains(proposer.displayName());
            Browser.screenshot(driver, "decision-record");

            // the announcement in the space's stream links the record and the decision
            driver.get(baseUrl() + "/spaces/" + space.id() + "/posts");
            WebElement post = driver.findElement(By.cssSelector("article.post .prose"));
            assertThat(post.getText()).contains("Entschieden").contains(title);
            assertThat(post.findElements(By.cssSelector("a[href='/decisions/" + id + "']"))).hasSize(1);
            assertThat(post.findElements(By.cssSelector("a[href*='/wiki/']"))).hasSize(1);
            driver.get(baseUrl() + "/spaces/" + space.id() + "/decisions?status=decided");
            assertThat(driver.findElement(By.cssSelector(".decision-list")).getText()).contains(title);
        } finally {
            driver.quit();
        }
    }

    @Test
    void pollIsVotedInPlace() {
        TestUser author = data.member();
        TestSpace space = data.space("PUBLIC", author);
        TestUser colleague = data.member();
        data.addMember(space, colleague, "MEMBER");
        String pollId = api(author).post("/api/v1/spaces/" + space.id() + "/polls", """
                {"question":"Wohin geht der Betriebsausflug?","options":["Harz","Nordsee","Bodensee"],
                 "closesAt":"%s"}""".formatted(Instant.now().plus(3, ChronoUnit.DAYS))).json().get("id").asString();
        WebDriver driver = Browser.start("de");
        try {
            signIn(driver, colleague);
            driver.get(baseUrl() + "/spaces/" + space.id() + "/posts");
            assertThat(driver.findElement(By.cssSelector("#poll-" + pollId)).getText())
                    .contains("Die Ergebnisse sehen Sie, sobald Sie abgestimmt haben");
            driver.findElements(By.cssSelector("#poll-" + pollId + " input[name=optionId]")).get(1).click();
            driver.findElement(By.cssSelector("#poll-" + pollId + " button.btn-primary")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.cssSelector("#poll-" + pollId + " progress")).isEmpty());
            assertThat(driver.getCurrentUrl()).endsWith("/spaces/" + space.id() + "/posts");
            assertThat(driver.findElement(By.cssSelector("#poll-" + pollId)).getText()).contains("Nordsee")
                    .contains("1 (100 %)").contains(colleague.displayName());
            Browser.screenshot(driver, "poll");
        } finally {
            driver.quit();
        }
    }

    private void signIn(WebDriver driver, TestUser user) {
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    private void signOut(WebDriver driver) {
        driver.manage().deleteAllCookies();
    }
}
