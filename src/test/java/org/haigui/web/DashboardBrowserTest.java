package org.haigui.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromium-driver; skipped when they
 * are absent): log in, open every page, switch the language, change a filter, upload a file with one
 * bad row and see it rejected with its reason. A screenshot of each page is kept under
 * target/screenshots.
 */
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    static WebServer server;
    static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium and chromium-driver are not installed");
        server = WebFixture.start();
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), o);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriverWait waiter() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    private static void open(String page) {
        driver.get("http://127.0.0.1:" + server.port() + "/#" + page);
        waitReady(page);
    }

    private static void waitReady(String page) {
        waiter().until(d -> {
            WebElement m = d.findElement(By.id("main"));
            return "true".equals(m.getAttribute("data-ready")) && page.equals(m.getAttribute("data-page"));
        });
    }

    private static void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    private static String main() {
        return driver.findElement(By.id("main")).getText();
    }

    @Test
    void walkThroughTheDashboard() throws Exception {
        try {
            walk();
        } catch (AssertionError | RuntimeException e) {
            shot("failure");
            throw e;
        }
    }

    private void walk() throws Exception {
        // the page load as the browser measures it: a first visit (nothing cached), then a second one
        PageTiming first = PageTiming.load(driver, "http://127.0.0.1:" + server.port() + "/#overview", "overview");
        PageTiming second = PageTiming.load(driver, "http://127.0.0.1:" + server.port() + "/?again#overview", "overview");
        System.out.println("overview, first visit: " + first + "; second visit: " + second);
        assertThat(first.usable()).as("the hg-ready mark of a first visit").isPositive();
        assertThat(second.usable()).isPositive();
        assertThat(first.drawn()).isGreaterThanOrEqualTo(first.usable());
        assertThat(driver.findElement(By.cssSelector(".kpi[data-indicator=stock] .v")).getText()).matches("[0-9,]+");
        assertThat(driver.findElement(By.id("figures")).getText()).isEqualTo("已保护的公开数值");
        assertThat(driver.findElements(By.cssSelector("canvas"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("details.how, .kpi details"))).isNotEmpty();
        shot("overview-public-zh");

        // switch the language; the choice is remembered
        driver.findElement(By.id("lang")).click();
        waitReady("overview");
        waiter().until(d -> d.findElement(By.cssSelector("nav a[data-page=overview]")).getText().equals("Overview"));
        assertThat(main()).contains("Headline figures");
        driver.navigate().refresh();
        waitReady("overview");
        assertThat(driver.findElement(By.cssSelector("nav a[data-page=arrivals]")).getText()).isEqualTo("Arrivals");
        shot("overview-public-en");

        // log in as the analyst
        driver.findElement(By.id("loginBtn")).click();
        driver.findElement(By.id("username")).sendKeys("analyst");
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.id("loginSubmit")).click();
        waiter().until(d -> d.findElement(By.id("who")).getText().contains("analyst"));
        waitReady("overview");
        waiter().until(d -> d.findElement(By.id("figures")).getText().startsWith("Raw"));

        for (String page : List.of("arrivals", "firms", "teams", "blueprint", "survey")) {
            open(page);
            assertThat(driver.findElements(By.cssSelector(".card"))).as(page).isNotEmpty();
            assertThat(main()).as(page).doesNotContain("internal error");
            if (page.equals("blueprint")) {
                // the zone names that match no key zone, beside the figures
                assertThat(driver.findElement(By.id("unmatchedZones")).getText()).contains("Zone names matching no key zone");
            }
            shot(page + "-analyst-en");
        }

        // a filter: the breakdown by district on the arrivals page
        open("arrivals");
        new Select(driver.findElement(By.id("breakdown"))).selectByValue("district");
        waitReady("arrivals");
        assertThat(main()).contains("District");
        shot("arrivals-by-district-analyst-en");

        // the data-quality page: upload a file with one bad row
        open("quality");
        Path f = Files.createTempDirectory("upload").resolve("persons.csv");
        Files.write(f, WebFixture.personsWithOneBadRow(3));
        driver.findElement(By.id("uploadFile")).sendKeys(f.toAbsolutePath().toString());
        driver.findElement(By.id("uploadBtn")).click();
        waiter().until(d -> !d.findElements(By.cssSelector("#uploadResult .ok")).isEmpty()
            || !d.findElements(By.cssSelector("#uploadResult .error")).isEmpty());
        String result = driver.findElement(By.id("uploadResult")).getText();
        assertThat(result).contains("3 rows read, 1 rejected").contains("birth_date");
        shot("quality-upload-analyst-en");

        // the admin's page, in Chinese
        driver.findElement(By.id("logoutBtn")).click();
        waiter().until(d -> d.findElement(By.id("who")).getText().equals("public"));
        driver.findElement(By.id("lang")).click();
        waiter().until(d -> d.findElement(By.id("lang")).getText().equals("English"));
        driver.findElement(By.id("loginBtn")).click();
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.id("loginSubmit")).click();
        waiter().until(d -> d.findElement(By.id("who")).getText().contains("admin"));
        open("admin");
        assertThat(main()).contains("审计日志").contains("导入").contains("persons.csv");
        shot("admin-zh");

        // a phone
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open("overview");
        shot("overview-phone-zh");
    }
}
