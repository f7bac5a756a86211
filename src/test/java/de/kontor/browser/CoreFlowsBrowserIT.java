package de.kontor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestUser;

/** The foundation's key flows through the real UI in headless Chromium, in German as the demo company uses it. */
class CoreFlowsBrowserIT extends AbstractIT {

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void memberEditsProfileWithASkillAndOthersSeeIt() {
        TestUser lukas = data.member();
        driver = Browser.start("de");
        signIn(lukas);
        driver.get(baseUrl() + "/settings/profile");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        replace(driver.findElement(By.id("jobTitle")), "Konstrukteur");
        replace(driver.findElement(By.id("location")), "Werk Esslingen");
        replace(driver.findElement(By.id("skills")), "Spindellager, CNC-Fräsen");
        replace(driver.findElement(By.id("about")), "Ich konstruiere **Spindeln** für die MX-500.");
        Browser.screenshot(driver, "profile-edit");
        Browser.clickAndLoad(driver, By.cssSelector("form[action='/settings/profile'] button[type=submit]"));

        driver.get(baseUrl() + "/people/" + lukas.id());
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Konstrukteur").contains("Werk Esslingen").contains("Spindellager")
                .contains("CNC-Fräsen").contains("Ich konstruiere Spindeln");
        assertThat(driver.findElement(By.cssSelector("main strong")).getText()).isEqualTo("Spindeln");
        Browser.screenshot(driver, "profile");

        // a colleague finds Lukas in the directory by the skill
        driver.manage().deleteAllCookies();
        signIn(data.member());
        Browser.clickAndLoad(driver, By.linkText("Personen"));
        driver.get(baseUrl() + "/people?skill=Spindellager");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(lukas.displayName());
        Browser.screenshot(driver, "people");
    }

    @Test
    void secretSpaceIsVisibleToTheInvitedMemberAndDoesNotExistForOthers() {
        TestUser owner = data.member();
        TestUser invited = data.member();
        TestUser outsider = data.member();
        String name = TestData.unique("Geschäftsführung intern");
        driver = Browser.start("de");

        signIn(owner);
        driver.get(baseUrl() + "/spaces/new");
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("description")).sendKeys("Nur für den Führungskreis.");
        driver.findElement(By.id("visibility-SECRET")).click();
        Browser.clickAndLoad(driver, By.cssSelector("form[action='/spaces'] button[type=submit]"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        String spaceUrl = driver.getCurrentUrl();
        assertThat(spaceUrl).matches(".*/spaces/\\d+$");
        Browser.screenshot(driver, "space-secret");

        driver.get(spaceUrl + "/members");
        driver.findElement(By.id("email")).sendKeys(invited.email());
        Browser.clickAndLoad(driver, By.cssSelector("form[action$='/invitations'] button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).isDisplayed()).isTrue();

        // the invited colleague accepts on the home page and reads the space
        driver.manage().deleteAllCookies();
        signIn(invited);
        driver.get(baseUrl() + "/spaces/mine");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(name);
        Browser.clickAndLoad(driver, By.cssSelector("form[action$='/invitations/accept'] button"));
        driver.get(spaceUrl);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Nur für den Führungskreis.");
        driver.get(baseUrl() + "/spaces");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(name);

        // for everyone else the space does not exist
        driver.manage().deleteAllCookies();
        signIn(outsider);
        driver.get(spaceUrl);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Seite nicht gefunden");
        assertThat(driver.getPageSource()).doesNotContain(name);
        Browser.screenshot(driver, "not-found");
        driver.get(baseUrl() + "/spaces");
        assertThat(driver.getPageSource()).doesNotContain(name);
    }

    private void signIn(TestUser user) {
        driver.get(baseUrl() + "/login");
        driver.findElement(By.id("username")).sendKeys(user.email());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-menu")));
    }

    private static void replace(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }
}
