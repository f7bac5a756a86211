package de.kontor.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** Two people edit the same wiki page at the same time: the second one sees both versions and merges. */
class WikiBrowserIT extends AbstractIT {

    private WebDriver anna;
    private WebDriver ben;

    @AfterEach
    void quit() {
        for (WebDriver d : new WebDriver[] {anna, ben}) {
            if (d != null) {
                d.quit();
            }
        }
    }

    @Test
    void theSecondEditorSeesTheMergeViewAndMerges() {
        TestUser a = data.member();
        TestUser b = data.member();
        TestSpace space = data.space("PUBLIC", a);
        data.addMember(space, b, "MEMBER");
        anna = Browser.start("de");
        ben = Browser.start("de");
        signIn(anna, a);
        signIn(ben, b);

        anna.get(baseUrl() + "/spaces/" + space.id() + "/wiki/new");
        anna.findElement(By.id("title")).sendKeys("Urlaubsplanung");
        anna.findElement(By.id("body")).sendKeys("# Regeln\n\nAnträge bis zum 15. des Vormonats.\n");
        Browser.clickAndLoad(anna, By.cssSelector("form.wiki-form button[type=submit]"));
        assertThat(anna.findElement(By.tagName("h1")).getText()).isEqualTo("Urlaubsplanung");
        String pageUrl = anna.getCurrentUrl();
        Browser.screenshot(anna, "wiki-page");

        // both open the editor on the same revision
        anna.get(pageUrl + "/edit");
        ben.get(pageUrl + "/edit");
        append(anna.findElement(By.id("body")), "Resturlaub verfällt am 31. März.");
        Browser.clickAndLoad(anna, By.cssSelector("form.wiki-form button[type=submit]"));
        assertThat(anna.findElement(By.cssSelector(".wiki-body")).getText()).contains("31. März");

        append(ben.findElement(By.id("body")), "Vertretung im Kalender eintragen.");
        Browser.clickAndLoad(ben, By.cssSelector("form.wiki-form button[type=submit]"));
        assertThat(ben.findElement(By.id("conflict-notice")).getText()).contains(a.displayName());
        assertThat(ben.findElement(By.id("their-text")).getText()).contains("31. März");
        assertThat(ben.findElement(By.id("your-text")).getText()).contains("Vertretung");
        assertThat(ben.findElement(By.cssSelector(".wiki-diff")).getText()).contains("Vertretung");
        Browser.screenshot(ben, "wiki-merge");

        // Ben takes over Anna's line as well and saves against the new revision
        append(ben.findElement(By.cssSelector("#merge-form #body")), "Resturlaub verfällt am 31. März.");
        Browser.clickAndLoad(ben, By.cssSelector("#merge-form button[type=submit]"));
        String merged = ben.findElement(By.cssSelector(".wiki-body")).getText();
        assertThat(merged).contains("Vertretung").contains("31. März");
        ben.get(pageUrl + "/history");
        assertThat(ben.findElements(By.cssSelector("main tbody tr"))).hasSize(3);
    }

    private static void append(WebElement textarea, String line) {
        textarea.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        textarea.sendKeys("\n" + line);
    }

    private void signIn(WebDriver driver, TestUser user) {
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-menu")));
    }
}
