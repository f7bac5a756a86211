package de.kontor.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/**
 * Through the real UI (German, headless Chromium, strict CSP): typing a title shows similar questions (htmx, from
 * search), the question is asked, a colleague answers, the asker accepts the answer.
 */
class QuestionBrowserIT extends AbstractIT {

    @Test
    void askAnswerAndAccept() {
        TestUser asker = data.member();
        TestUser expert = data.member();
        TestSpace space = data.space("PUBLIC", asker);
        data.addMember(space, expert, "MEMBER");
        StringBuilder letters = new StringBuilder("Kette");
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
        }
        String w = letters.toString();
        var existing = api(expert).post("/api/v1/questions", "{\"spaceId\":\"" + space.id()
                + "\",\"title\":\"SPS " + w + " in TIA Portal\"}");
        assertThat(existing.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> api(asker).get("/api/v1/search?type=question&q=" + w)
                .json().get("total").asLong() == 1);

        WebDriver driver = Browser.start("de");
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            signIn(driver, asker);
            driver.get(baseUrl() + "/spaces/" + space.id() + "/questions");
            assertThat(driver.findElement(By.cssSelector(".question-list")).getText()).contains("SPS " + w);
            Browser.clickAndLoad(driver, By.cssSelector("a[href='/questions/new?spaceId=" + space.id() + "']"));
            assertThat(new Select(driver.findElement(By.id("spaceId"))).getFirstSelectedOption().getText())
                    .isEqualTo(space.name());
            driver.findElement(By.id("title")).sendKeys("Wie debugge ich eine " + w + "?");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("similar-questions"), "SPS " + w));
            driver.findElement(By.id("body")).sendKeys("Die Schrittkette bleibt in **Schritt 4** hängen.");
            driver.findElement(By.id("tags")).sendKeys("SPS-Programmierung, TIA");
            Browser.screenshot(driver, "question-ask");
            Browser.clickAndLoad(driver, By.cssSelector("form.question-form button.btn-primary"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Wie debugge ich eine " + w + "?");
            assertThat(driver.findElement(By.cssSelector(".question .prose strong")).getText()).isEqualTo("Schritt 4");
            assertThat(driver.findElement(By.cssSelector(".question")).getText())
                    .contains("sps-programmierung", "tia");
            String questionUrl = driver.getCurrentUrl();

            // a colleague answers
            driver.manage().deleteAllCookies();
            signIn(driver, expert);
            driver.get(questionUrl);
            driver.findElement(By.id("answer-body")).sendKeys("Prüfen Sie die Transition: der Endschalter fehlt.");
            Browser.clickAndLoad(driver, By.cssSelector("form.answer-form button[type=submit]"));
            assertThat(driver.findElement(By.cssSelector(".answer")).getText()).contains("Endschalter fehlt")
                    .contains(expert.displayName());
            assertThat(driver.findElements(By.cssSelector(".accept-answer"))).isEmpty();

            // the asker accepts it
            driver.manage().deleteAllCookies();
            signIn(driver, asker);
            driver.get(questionUrl);
            Browser.clickAndLoad(driver, By.cssSelector(".accept-answer"));
            assertThat(driver.findElement(By.cssSelector(".answer-accepted")).getText())
                    .contains("Akzeptierte Antwort", "Endschalter fehlt");
            assertThat(driver.findElement(By.cssSelector(".question .badge")).getText()).isEqualTo("gelöst");
            assertThat(driver.findElements(By.cssSelector(".make-wiki-page"))).hasSize(1);
            Browser.screenshot(driver, "question-accepted");
        } finally {
            driver.quit();
        }
    }

    private void signIn(WebDriver driver, TestUser user) {
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        Browser.clickAndLoad(driver, By.cssSelector("form[action='/login'] button[type=submit]"));
    }
}
