package org.recsregistry.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium, with and without
 * JavaScript; an axe-core scan of every page; a screenshot of each under target/screenshots.
 */
@QuarkusTest
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Map<String, String> PAGES = Map.of(
            "home", "/",
            "list", "/recommendations?addressee=DPRK&sort=-updatedAt",
            "record", "/recommendations/" + PagesTest.RECORD,
            "addressee", "/addressees/CHN",
            "source", "/sources/coi-2014");

    static WebDriver withScript;
    static WebDriver withoutScript;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowsers() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if (System.getenv("CI") != null) {
                fail("CI must have Debian's chromium and chromium-driver (src/test/browser/install-chromium.sh)");
            }
            Assumptions.abort("no /usr/bin/chromium or /usr/bin/chromedriver: apt-get install chromium chromium-driver");
        }
        Files.createDirectories(SCREENSHOTS);
        withScript = browser(true);
        withoutScript = browser(false);
    }

    @AfterAll
    static void stopBrowsers() {
        for (WebDriver driver : new WebDriver[] {withScript, withoutScript}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    static WebDriver browser(boolean javascript) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    void open(WebDriver driver, String path) {
        driver.get(url(path));
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    @Test
    void shouldLoadEveryPageWithAndWithoutScriptAndPassAnAxeScan() throws IOException {
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            for (WebDriver driver : List.of(withScript, withoutScript)) {
                open(driver, page.getValue());
                assertFalse(driver.getTitle().isBlank(), page.getKey());
                assertTrue(driver.findElement(By.tagName("h1")).isDisplayed(), page.getKey());
            }
            Results results = new AxeBuilder().analyze(withScript);
            String violations = results.getViolations().stream()
                    .map(rule -> rule.getId() + " (" + rule.getNodes().size() + "): " + rule.getHelp() + " at "
                            + rule.getNodes().stream().map(node -> node.getTarget().toString()).limit(3)
                            .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n"));
            assertTrue(results.getViolations().isEmpty(), page.getKey() + ": axe violations\n" + violations);
            assertTrue(results.getPasses().size() > 10, page.getKey() + ": axe ran its rules");
            screenshot(withScript, page.getKey());
        }
    }

    @Test
    void shouldFilterWithThePlainForm() {
        for (WebDriver driver : List.of(withoutScript, withScript)) {
            open(driver, "/recommendations");
            new Select(driver.findElement(By.id("f-addressee"))).selectByValue("DPRK");
            new Select(driver.findElement(By.id("f-status"))).selectByValue("rejected");
            driver.findElement(By.id("f-q")).sendKeys("camps");
            driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("addressee=DPRK"));
            assertTrue(driver.getCurrentUrl().contains("status=rejected") && driver.getCurrentUrl().contains("q=camps"),
                    driver.getCurrentUrl());
            JsonPath api = given().get("/api/v1/recommendations?addressee=DPRK&status=rejected&q=camps").jsonPath();
            List<String> shown = driver.findElements(By.cssSelector(".records h3 a")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(api.getList("items.id"), shown);
            assertFalse(shown.isEmpty(), "the filter matches something in the dataset");
        }
    }

    @Test
    void shouldFollowLinksToWhereTheySay() {
        open(withoutScript, "/recommendations?sort=id");
        WebElement first = withoutScript.findElement(By.cssSelector(".records h3 a"));
        String id = first.getText();
        first.click();
        new WebDriverWait(withoutScript, WAIT).until(ExpectedConditions.urlContains("/recommendations/" + id));
        assertEquals(id, withoutScript.findElement(By.tagName("h1")).getText());
        WebElement addressee = withoutScript.findElement(By.cssSelector("section.addressee h3 a"));
        String name = addressee.getText();
        addressee.click();
        new WebDriverWait(withoutScript, WAIT).until(ExpectedConditions.urlContains("/addressees/"));
        assertEquals(name, withoutScript.findElement(By.tagName("h1")).getText());
        withoutScript.findElement(By.linkText("Overview")).click();
        new WebDriverWait(withoutScript, WAIT).until(ExpectedConditions.titleContains("Recommendations Registry"));
        WebElement cell = withoutScript.findElement(By.cssSelector("table.matrix tbody td a"));
        String count = cell.getAttribute("textContent").replaceAll("\\D.*", "");
        cell.click();
        new WebDriverWait(withoutScript, WAIT).until(ExpectedConditions.urlContains("status="));
        assertTrue(withoutScript.findElement(By.id("results")).getText().startsWith(count + " "),
                "the cell's count is the list's total");
    }

    @Test
    void shouldBeUsableByKeyboardOnAPhoneAndInPrint() throws IOException {
        open(withScript, "/");
        withScript.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = withScript.switchTo().activeElement();
        assertEquals("Skip to content", focused.getText(), "the first stop is the skip link");
        assertTrue(focused.isDisplayed(), "and it shows when focused");
        assertFalse("none".equals(focused.getCssValue("outline-style")), "focus is visible");
        withScript.manage().window().setSize(new Dimension(390, 844));
        try {
            for (Map.Entry<String, String> page : PAGES.entrySet()) {
                open(withScript, page.getValue());
                Object overflow = ((JavascriptExecutor) withScript).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Object wide = ((JavascriptExecutor) withScript).executeScript("const w = document.documentElement"
                        + ".clientWidth; return [...document.querySelectorAll('body *')].filter(e => e"
                        + ".getBoundingClientRect().right > w + 1).slice(0, 5).map(e => e.tagName + '.' + e.className"
                        + " + ' ' + e.textContent.trim().slice(0, 60)).join(' | ')");
                assertEquals(0L, ((Number) overflow).longValue(),
                        page.getKey() + ": no sideways scrolling on a phone; wider than the screen: " + wide);
                screenshot(withScript, page.getKey() + "-phone");
            }
        } finally {
            withScript.manage().window().setSize(new Dimension(1280, 1024));
        }
        open(withScript, PAGES.get("record"));
        String pdf = ((org.openqa.selenium.PrintsPage) withScript).print(new PrintOptions()).getContent();
        Files.write(SCREENSHOTS.resolve("record.pdf"), Base64.getDecoder().decode(pdf));
        ((ChromeDriver) withScript).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(withScript.findElement(By.cssSelector("header.site")).isDisplayed(), "no site header in print");
            assertTrue(withScript.findElement(By.cssSelector(".citation")).isDisplayed(), "the citation prints");
            screenshot(withScript, "record-print");
        } finally {
            ((ChromeDriver) withScript).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    static void screenshot(WebDriver driver, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
