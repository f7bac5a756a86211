package de.kontor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** Posting with a preview, reacting and commenting through the real UI (headless Chromium, strict CSP). */
class StreamBrowserIT extends AbstractIT {

    @Test
    void previewPostReactAndComment() {
        TestUser owner = data.member();
        TestSpace space = data.space("PRIVATE", owner);
        TestUser colleague = data.member();
        data.addMember(space, colleague, "MEMBER");
        WebDriver driver = Browser.start("en");
        try {
            signIn(driver, owner);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
            driver.get(baseUrl() + "/spaces/" + space.id() + "/posts");
            driver.findElement(By.id("body")).sendKeys("Kick-off **tomorrow** #launch ");
            // the mention helper suggests members of this private space and inserts the mention syntax
            driver.findElement(By.cssSelector(".mention-helper summary")).click();
            driver.findElement(By.id("mention-q")).sendKeys(colleague.displayName());
            By option = By.cssSelector("#mention-options button[data-mention]");
            wait.until(ExpectedConditions.elementToBeClickable(option)).click();
            assertThat(driver.findElement(By.id("body")).getDomProperty("value"))
                    .endsWith("@[" + colleague.displayName() + "](user:" + colleague.id() + ") ");
            // htmx swaps the preview in place
            driver.findElement(By.cssSelector("button[formaction='/posts/preview']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview strong")));
            assertThat(driver.findElement(By.cssSelector("#preview strong")).getText()).isEqualTo("tomorrow");
            assertThat(driver.getCurrentUrl()).endsWith("/spaces/" + space.id() + "/posts");
            Browser.screenshot(driver, "stream-preview");
            driver.findElement(By.cssSelector("#composer button.btn-primary")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.post")));
            assertThat(driver.findElement(By.cssSelector("article.post .prose")).getText())
                    .isEqualTo("Kick-off tomorrow #launch @" + colleague.displayName());
            assertThat(driver.findElements(By.cssSelector("article.post .prose a[href='/people/" + colleague.id()
                    + "']"))).hasSize(1);

            // react: htmx replaces the reaction row, the button shows the count and is pressed
            driver.findElement(By.cssSelector("article.post button[formaction$='/reactions/tada']")).click();
            By tada = By.cssSelector("article.post button[formaction$='/reactions/tada']");
            // the row may be swapped twice (the htmx answer, then the live "reaction" event refreshes it)
            wait.ignoring(StaleElementReferenceException.class)
                    .until(d -> "true".equals(d.findElement(tada).getDomAttribute("aria-pressed"))
                            && d.findElement(tada).getText().contains("1"));

            // comment (a normal form post and redirect to the post page)
            driver.findElement(By.cssSelector("article.post .comment-form textarea")).sendKeys("Count me in");
            driver.findElement(By.cssSelector("article.post .comment-form button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".comment")));
            assertThat(driver.findElement(By.cssSelector(".comment .prose")).getText()).isEqualTo("Count me in");
            Browser.screenshot(driver, "stream-post");

            driver.get(baseUrl() + "/");
            assertThat(driver.findElement(By.cssSelector("article.post .prose")).getText()).contains("Kick-off");
            Browser.screenshot(driver, "stream-home");
            Browser.clickAndLoad(driver, By.cssSelector("article.post .prose a[href='/tags/launch']"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("#launch");
            driver.navigate().back();

            // the hashtag leads to the tag stream
            Browser.clickAndLoad(driver, By.cssSelector("article.post .prose a[href='/tags/launch']"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("#launch");
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
}
