package de.kontor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/**
 * The activity stream live, in two browsers: A mentions B; B's bell rises without a reload; B opens the
 * notification and comments; A sees the comment appear without a reload. A secret-space post never reaches B.
 */
class LiveStreamBrowserIT extends AbstractIT {

    private WebDriver anna;
    private WebDriver ben;

    @AfterEach
    void quit() {
        if (anna != null) {
            anna.quit();
        }
        if (ben != null) {
            ben.quit();
        }
    }

    @Test
    void mentionNotifiesLiveAndTheCommentAppearsLive() {
        TestUser a = data.member();
        TestUser b = data.member();
        TestSpace space = data.space("PUBLIC", a);
        data.addMember(space, b, "MEMBER");
        anna = Browser.start("de");
        ben = Browser.start("de");
        signIn(anna, a);
        signIn(ben, b);
        assertThat(ben.findElement(By.id("bell-count")).getText()).isEmpty();

        String text = "Kannst du dir die Spindel an der MX-400 ansehen, @[" + b.displayName() + "](user:" + b.id()
                + ")? #Spindellager";
        anna.get(baseUrl() + "/");
        new Select(anna.findElement(By.id("spaceId"))).selectByVisibleText(space.name());
        anna.findElement(By.id("body")).sendKeys(text);
        anna.findElement(By.cssSelector("#composer button[type=submit]:not([formaction])")).click();
        WebDriverWait annaWait = new WebDriverWait(anna, Duration.ofSeconds(15));
        annaWait.until(d -> d.findElements(By.cssSelector("article.post")).stream()
                .anyMatch(p -> p.getText().contains("Kannst du dir die Spindel")));
        String postId = anna.findElement(By.cssSelector("article.post")).getAttribute("id").replace("post-", "");

        // Ben's bell rises while his page stays as it is
        ((JavascriptExecutor) ben).executeScript("window.kontorNoReload = true;");
        new WebDriverWait(ben, Duration.ofSeconds(15))
                .until(d -> "1".equals(d.findElement(By.id("bell-count")).getText()));
        assertThat(((JavascriptExecutor) ben).executeScript("return window.kontorNoReload === true;")).isEqualTo(true);
        // and his home stream offers the new post without a reload
        new WebDriverWait(ben, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("live-new-posts")).isDisplayed());
        assertThat(ben.findElement(By.id("live-new-posts")).getText()).isEqualTo("Neue Beiträge: 1 – anzeigen");
        Browser.screenshot(ben, "live-bell");

        // Anna waits on the post page; Ben opens the notification and comments
        anna.get(baseUrl() + "/posts/" + postId);
        ((JavascriptExecutor) anna).executeScript("window.kontorNoReload = true;");
        ben.findElement(By.cssSelector("a.bell")).click();
        ben.findElement(By.cssSelector("a[href$='/open']")).click();
        new WebDriverWait(ben, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/posts/" + postId));
        ben.findElement(By.id("comment-" + postId)).sendKeys("Mache ich morgen früh bei der Frühschicht.");
        ben.findElement(By.cssSelector("form[action='/posts/" + postId + "/comments'] button[type=submit]")).click();

        annaWait.until(d -> d.findElement(By.id("post-" + postId)).getText()
                .contains("Mache ich morgen früh bei der Frühschicht."));
        assertThat(((JavascriptExecutor) anna).executeScript("return window.kontorNoReload === true;")).isEqualTo(true);
        Browser.screenshot(anna, "live-comment");
    }

    @Test
    void secretSpacePostNeverReachesANonMember() {
        TestUser boss = data.member();
        TestUser outsider = data.member();
        TestSpace secret = data.space("SECRET", boss);
        String tag = "geheim" + TestData.unique("x").replace("-", "");
        String text = "Vertraulich: Übernahmegespräche #" + tag + " @[" + outsider.displayName() + "](user:"
                + outsider.id() + ")";
        Http created = api(boss).post("/api/v1/posts",
                "{\"spaceId\":\"" + secret.id() + "\",\"body\":" + json(text) + "}");
        assertThat(created.status()).isEqualTo(201);
        // the author is told that the mentioned person cannot see it
        assertThat(created.body()).contains("warnings");

        ben = Browser.start("de");
        signIn(ben, outsider);
        for (String page : new String[] {"/", "/stream/company", "/tags/" + tag, "/people/" + boss.id() + "/posts",
                "/notifications"}) {
            ben.get(baseUrl() + page);
            assertThat(ben.getPageSource()).as(page).doesNotContain("Übernahmegespräche").doesNotContain(secret.name());
        }
        assertThat(ben.findElement(By.id("bell-count")).getText()).isEmpty();
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void signIn(WebDriver driver, TestUser user) {
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".user-menu")).isEmpty());
    }

}
