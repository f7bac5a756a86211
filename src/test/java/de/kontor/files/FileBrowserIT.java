package de.kontor.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** Uploading a file into a space and then a new version of it, in German. */
class FileBrowserIT extends AbstractIT {

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void uploadsAFileAndANewVersion() throws IOException {
        TestUser anna = data.member();
        TestSpace space = data.space("PRIVATE", anna);
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "upload-");
        Path first = Files.writeString(dir.resolve("Prüfplan.txt"), "Prüfplan Version 1");
        driver = Browser.start("de");
        signIn(anna);

        driver.get(baseUrl() + "/spaces/" + space.id() + "/files");
        driver.findElement(By.id("file")).sendKeys(first.toString());
        Browser.clickAndLoad(driver, By.cssSelector("#upload-form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Dateien hochgeladen.");
        Browser.clickAndLoad(driver, By.linkText("Prüfplan.txt"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Prüfplan.txt");
        assertThat(driver.findElements(By.cssSelector("tr.version-row"))).hasSize(1);

        Path second = Files.writeString(dir.resolve("pruefplan-neu.txt"), "Prüfplan Version 2 mit Messmitteln");
        driver.findElement(By.id("file")).sendKeys(second.toString());
        Browser.clickAndLoad(driver, By.id("upload-version"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Neue Version hochgeladen.");
        assertThat(driver.findElements(By.cssSelector("tr.version-row"))).hasSize(2);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Prüfplan.txt");
        Browser.screenshot(driver, "file-versions");

        // the older version can be restored as the newest one
        Browser.clickAndLoad(driver, By.cssSelector("tr.version-row form button"));
        assertThat(driver.findElements(By.cssSelector("tr.version-row"))).hasSize(3);
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Kopie von Version 1");
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
