package de.kontor.search;

import static de.kontor.search.SearchSupport.post;
import static de.kontor.search.SearchSupport.total;
import static de.kontor.search.SearchSupport.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.ApiClient;
import de.kontor.support.Browser;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** The header search box suggests as one types; submitting shows highlighted results with facets (strict CSP). */
class SearchBrowserIT extends AbstractIT {

    @Test
    void suggestionsThenResultsWithSnippetAndFacets() {
        TestUser member = data.member();
        TestSpace space = data.space("PUBLIC", member);
        String spaceWord = word();
        data.jdbc().sql("update spaces set name = :n where id = :id").param("n", "Vertrieb " + spaceWord)
                .param("id", space.id()).update();
        // TestData writes spaces straight to the table: queue the space like the service's event would
        data.jdbc().sql("insert into search_outbox (doc_type, doc_id, op) values ('space', :id, 'UPSERT')")
                .param("id", space.id()).update();
        ApiClient api = api(member);
        String w = word();
        String tag = word();
        post(api, space.id(), "Das Kundenfeedback zur neuen Fräsmaschine " + w + " ist da #" + tag);
        await().atMost(Duration.ofSeconds(5)).until(() -> total(api, w) == 1 && total(api, spaceWord) == 1);

        WebDriver driver = Browser.start("en");
        try {
            driver.get(baseUrl() + "/login");
            driver.findElement(By.id("username")).sendKeys(member.email());
            driver.findElement(By.id("password")).sendKeys(member.password());
            driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();

            WebElement box = driver.findElement(By.id("topbar-q"));
            box.sendKeys(spaceWord.substring(0, 7));
            wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("topbar-suggestions"),
                    "Vertrieb " + spaceWord));
            assertThat(driver.findElement(By.cssSelector("#topbar-suggestions a[href='/spaces/" + space.id() + "']"))
                    .isDisplayed()).isTrue();
            Browser.screenshot(driver, "search-suggestions");

            box.clear();
            box.sendKeys("#" + tag.substring(0, 6));
            wait(driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("topbar-suggestions"),
                    "#" + tag));

            box.clear();
            box.sendKeys("Feedback " + w, Keys.ENTER);
            wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-hit")));
            assertThat(driver.findElement(By.cssSelector(".search-count")).getText()).isEqualTo("1 result");
            assertThat(driver.findElement(By.cssSelector(".search-snippet")).getText())
                    .contains("Kundenfeedback zur neuen Fräsmaschine");
            assertThat(driver.findElements(By.cssSelector(".search-snippet mark")).stream().map(WebElement::getText))
                    .contains("Kundenfeedback", w);
            String facets = driver.findElement(By.cssSelector(".facets")).getText();
            assertThat(facets).contains("Type", "Post", "Space", "Vertrieb " + spaceWord, "Author",
                    member.displayName(), "Tags", "#" + tag, "Date", "Last 7 days");
            Browser.screenshot(driver, "search-results");

            // a facet narrows, "All" widens again
            Browser.clickAndLoad(driver, By.linkText("#" + tag));
            assertThat(driver.getCurrentUrl()).contains("tag=" + tag);
            assertThat(driver.findElements(By.cssSelector(".search-hit"))).hasSize(1);
            Browser.clickAndLoad(driver, By.cssSelector(".search-hit-title"));
            assertThat(driver.getCurrentUrl()).matches(".*/posts/\\d+$");
        } finally {
            driver.quit();
        }
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(5));
    }
}
