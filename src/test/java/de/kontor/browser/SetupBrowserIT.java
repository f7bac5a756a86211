package de.kontor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;

/** First start on an empty database: the setup page creates the first administrator, who then signs in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SetupBrowserIT {

    private static final Path DATA_DIR = AbstractIT.freshDataDir();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", DATA_DIR::toString);
        registry.add("kontor.db.url", () -> "");
    }

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeEach
    void start() {
        driver = Browser.start("de");
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void setupCreatesFirstAdministratorWhoCanSignIn() {
        String base = "http://127.0.0.1:" + port;
        driver.get(base + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.urlContains("/setup"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kontor einrichten");
        Browser.screenshot(driver, "setup");

        // a too short password is rejected with the message beside the field, nothing is saved
        driver.findElement(By.id("displayName")).sendKeys("Tobias Brandt");
        driver.findElement(By.id("email")).sendKeys("tobias.brandt@example.test");
        driver.findElement(By.id("password")).sendKeys("kurz");
        driver.findElement(By.id("passwordRepeat")).sendKeys("kurz");
        Browser.clickAndLoad(driver, By.cssSelector("button[type=submit]"));
        assertThat(driver.findElement(By.id("password-error")).getText()).contains("Mindestens 10 Zeichen");
        assertThat(driver.findElement(By.id("displayName")).getAttribute("value")).isEqualTo("Tobias Brandt");

        driver.findElement(By.id("password")).sendKeys("ein-sicheres-passwort");
        driver.findElement(By.id("passwordRepeat")).sendKeys("ein-sicheres-passwort");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Bitte melden Sie sich an");

        // setup is gone for good
        driver.get(base + "/setup");
        wait.until(ExpectedConditions.urlContains("/login"));

        driver.findElement(By.id("username")).sendKeys("tobias.brandt@example.test");
        driver.findElement(By.id("password")).sendKeys("ein-sicheres-passwort");
        Browser.screenshot(driver, "login");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-menu")));
        assertThat(driver.findElement(By.cssSelector(".user-name")).getText()).isEqualTo("Tobias Brandt");
        assertThat(driver.findElement(By.cssSelector("nav.sidenav")).getText()).contains("Administration");
    }
}
