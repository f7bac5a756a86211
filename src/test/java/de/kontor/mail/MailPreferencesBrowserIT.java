package de.kontor.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.Browser;
import de.kontor.support.TestData.TestUser;

/** A person asks for e-mails about mentions and a weekly digest through the real settings pages (German UI). */
class MailPreferencesBrowserIT extends AbstractMailIT {

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void mentionsByMailAndAWeeklyDigest() {
        TestUser user = data.member();
        driver = Browser.start("de");
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-menu")));

        driver.get(baseUrl() + "/settings/notifications");
        assertThat(driver.findElement(By.id("email-MENTIONED")).isSelected()).isFalse();
        driver.findElement(By.id("email-MENTIONED")).click();
        Browser.clickAndLoad(driver, By.cssSelector("form[action='/settings/notifications'] button[type=submit]"));
        assertThat(driver.findElement(By.id("email-MENTIONED")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("email-COMMENT_ON_MY_POST")).isSelected()).isFalse();
        Browser.screenshot(driver, "mail-notification-settings");

        Browser.clickAndLoad(driver, By.cssSelector("a[href='/settings/email']"));
        new Select(driver.findElement(By.id("frequency"))).selectByValue("WEEKLY");
        new Select(driver.findElement(By.id("hour"))).selectByValue("8");
        new Select(driver.findElement(By.id("zone"))).selectByValue("Europe/Vienna");
        Browser.clickAndLoad(driver, By.cssSelector("form[action='/settings/email'] button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("gespeichert");
        assertThat(new Select(driver.findElement(By.id("frequency"))).getFirstSelectedOption().getText())
                .startsWith("Wöchentlich");
        assertThat(data.jdbc().sql("select frequency || ' ' || hour || ' ' || zone from mail_digest_preferences "
                + "where user_id = :u").param("u", user.id()).query(String.class).single())
                .isEqualTo("WEEKLY 8 Europe/Vienna");
        Browser.screenshot(driver, "mail-settings");
    }
}
