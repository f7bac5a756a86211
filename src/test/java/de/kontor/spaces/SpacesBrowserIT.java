package de.kontor.spaces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import de.kontor.support.AbstractIT;
import de.kontor.support.Browser;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;

/** Creating a space, inviting a guest and seeing the external marker through the real UI. */
class SpacesBrowserIT extends AbstractIT {

    @Test
    void createSpaceInviteAGuestAndSeeTheExternalMarker() {
        TestUser owner = data.member();
        TestUser guest = data.guest();
        TestSpace other = data.space("PUBLIC", data.member());
        WebDriver driver = Browser.start("en");
        try {
            signIn(driver, owner);
            driver.get(baseUrl() + "/spaces/mine");
            Browser.screenshot(driver, "home-new-user");
            assertThat(driver.findElement(By.cssSelector(".empty-state")).getText()).contains("not in any space yet");
            // the home page suggests only a few spaces; the directory finds any public one by name
            driver.get(baseUrl() + "/spaces?q=" + java.net.URLEncoder.encode(other.name(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains(other.name());

            driver.get(baseUrl() + "/spaces/new");
            String name = TestData.unique("Product Team");
            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.id("description")).sendKeys("Where we plan **releases**.");
            driver.findElement(By.id("visibility-PRIVATE")).click();
            Browser.clickAndLoad(driver, By.cssSelector("form[action='/spaces'] button[type=submit]"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
            assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("created");

            Browser.clickAndLoad(driver, By.linkText("Members"));
            driver.findElement(By.id("email")).sendKeys(guest.email());
            Browser.clickAndLoad(driver, By.cssSelector("form[action$='/invitations'] button[type=submit]"));
            assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("invitation has been sent");
            Browser.screenshot(driver, "space-members");

            driver.manage().deleteAllCookies();
            signIn(driver, guest);
            driver.get(baseUrl() + "/spaces/mine");
            assertThat(driver.getPageSource()).contains("Invitations waiting for you").contains(name);
            Browser.clickAndLoad(driver, By.cssSelector("form[action$='/invitations/accept'] button"));
            assertThat(driver.findElement(By.cssSelector(".badge-external")).isDisplayed()).isTrue();
            Browser.screenshot(driver, "space-page");
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
