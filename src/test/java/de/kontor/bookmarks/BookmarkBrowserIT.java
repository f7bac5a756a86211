package de.kontor.bookmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
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

/** Saving a bookmark through the share form (as the bookmarklet opens it) into a space, in German. */
class BookmarkBrowserIT extends AbstractIT {

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void savesABookmarkThroughTheForm() {
        TestUser anna = data.member();
        TestSpace space = data.space("PUBLIC", anna);
        driver = Browser.start("de");
        signIn(anna);

        // the bookmarklet opens the form with the page's address and title
        driver.get(baseUrl() + "/bookmarks/new?url=https%3A%2F%2F93.184.215.14%2Fnormen&title=DIN%20Normen");
        assertThat(driver.findElement(By.id("url")).getAttribute("value")).isEqualTo("https://93.184.215.14/normen");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("DIN Normen");
        driver.findElement(By.id("note")).sendKeys("Normen für die Konstruktion");
        driver.findElement(By.id("tags")).sendKeys("normen, konstruktion");
        new Select(driver.findElement(By.id("spaceId"))).selectByVisibleText(space.name());
        Browser.screenshot(driver, "bookmark-form");
        Browser.clickAndLoad(driver, By.id("save-bookmark"));

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("DIN Normen");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Lesezeichen gespeichert.");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Normen für die Konstruktion")
                .contains("#konstruktion").contains(space.name());

        driver.get(baseUrl() + "/bookmarks");
        assertThat(driver.findElement(By.cssSelector(".bookmark-list")).getText()).contains("DIN Normen");
        assertThat(driver.findElement(By.cssSelector("a.bookmarklet")).getAttribute("href"))
                .startsWith("javascript:");
        Browser.screenshot(driver, "bookmarks");
    }

    private void signIn(TestUser user) {
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-menu")));
    }
}
