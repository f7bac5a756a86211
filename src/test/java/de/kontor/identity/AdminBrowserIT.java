package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData;

/** The administration and token pages and Swagger UI in a real browser, under the strict CSP. */
class AdminBrowserIT extends AbstractIT {

    private void signIn(WebDriver driver, TestData.TestUser user) {
        driver.get(baseUrl() + "/login");
        driver.findElement(By.name("username")).sendKeys(user.email());
        driver.findElement(By.name("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    @Test
    void adminCreatesATokenAndReadsTheApiDocs() {
        TestData.TestUser admin = data.admin();
        WebDriver driver = Browser.start("en");
        try {
            signIn(driver, admin);
            driver.get(baseUrl() + "/admin/users?q=" + admin.email());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("People and accounts");
            assertThat(driver.getPageSource()).contains(admin.displayName());
            Browser.screenshot(driver, "admin-users");

            driver.get(baseUrl() + "/settings/tokens");
            driver.findElement(By.id("name")).sendKeys("Browser token");
            driver.findElement(By.cssSelector("input[name=scopes][value=write]")).click();
            Browser.clickAndLoad(driver, By.cssSelector("form.form button[type=submit]"));
            String secret = driver.findElement(By.id("token-secret")).getAttribute("value");
            assertThat(secret).startsWith("kontor_");
            Browser.screenshot(driver, "settings-token-created");

            driver.get(baseUrl() + "/api/docs");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                    !d.findElements(By.cssSelector(".opblock-tag")).isEmpty());
            assertThat(driver.getPageSource()).contains("Kontor API").contains("/api/v1/tokens");
            Browser.screenshot(driver, "api-docs");
            List<LogEntry> cspErrors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getMessage().contains("Content Security Policy")
                            && e.getMessage().contains("script")).toList();
            assertThat(cspErrors).isEmpty();
        } finally {
            driver.quit();
        }
    }
}
