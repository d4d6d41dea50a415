package academy.cedarheights.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through its chromedriver (no browser download: the paths are the system's).
 * One browser serves the test JVM; each test signs in on its own school's host, {@code <slug>.cedar.test}, which
 * Chromium resolves to this machine, so cookies never cross between tests. A school's own domain in a test is a name
 * under {@code example.test}, resolved the same way; a school under its path prefix is opened at
 * {@code localhost/s/<slug>} ({@link #under}).
 */
public final class Browser {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver shared;

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** The shared browser, signed out, at a school's host on the test server's port. */
    public static synchronized Browser at(TestSchool school, int port) {
        return at("http://" + school.slug() + ".cedar.test:" + port);
    }

    /** The shared browser at a school's path prefix on the deployment's own host: {@code localhost:<port>/s/<slug>}. */
    public static synchronized Browser under(TestSchool school, int port) {
        return at("http://localhost:" + port + "/s/" + school.slug());
    }

    /** The shared browser at any address: a school's own domain, say. */
    public static synchronized Browser at(String base) {
        if (shared == null) {
            Path profile = temporaryProfile();
            ChromeDriver browser = start(profile);
            shared = browser;
            // the browser ends with the test JVM, and its profile with it (else /tmp keeps one per run)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.quit();
                FileSystemUtils.deleteRecursively(profile.toFile());
            }));
        }
        shared.manage().window().setSize(DESKTOP);
        return new Browser(shared, base);
    }

    private static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--host-resolver-rules=MAP *.cedar.test 127.0.0.1, MAP *.example.test 127.0.0.1",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("cedar-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on at a phone's width, as a parent on the go sees the pages (until the next {@link #at}). */
    public Browser phone() {
        driver.manage().window().setSize(PHONE);
        return this;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Sets a field's value as a script would (date inputs take keystrokes in the browser's locale format). */
    public Browser set(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
        return this;
    }

    public Browser click(String css) {
        clickWhenReady(By.cssSelector(css));
        return this;
    }

    /**
     * Finds and clicks in one try, tried again while the element is not there yet or was just replaced: a page that
     * updates itself (the booking status polls with htmx) may swap the element between finding it and clicking it.
     */
    private void clickWhenReady(By locator) {
        waitFor().until(ignored -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    public Browser submit(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(css);
        waitFor().until(ignored -> gone(page));
        return this;
    }

    public Browser clickText(String text) {
        clickWhenReady(By.xpath("//*[self::a or self::button][normalize-space(.)=" + xpathLiteral(text) + "]"));
        return this;
    }

    /** A text as an XPath 1.0 string: quoted with what it does not contain, or pieced together when it has both. */
    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    public Browser waitForText(String css, String text) {
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return this;
    }

    public Browser waitForNone(String css) {
        waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(css), 0));
        return this;
    }

    public Browser waitForPath(String prefix) {
        waitFor().until(ignored -> driver.getCurrentUrl().startsWith(base) && path().startsWith(prefix));
        return this;
    }

    /** Waits until the browser is on another site's page whose address contains {@code part} (a provider's, say). */
    public Browser waitForAddress(String part) {
        waitFor().withMessage(() -> "at " + driver.getCurrentUrl()).until(ignored -> driver.getCurrentUrl().contains(part));
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    /** The page's text; read again if the page was replaced while it was read (a form's answer arriving). */
    public String pageText() {
        return waitFor().until(ignored -> driver.findElement(By.tagName("body")).getText());
    }

    /** Writes the page at phone and desktop widths to {@code target/screenshots/<name>-phone.png} and {@code -desktop}. */
    public Browser screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (var width : List.of(Map.entry("phone", PHONE), Map.entry("desktop", DESKTOP))) {
                driver.manage().window().setSize(width.getValue());
                Files.write(SCREENSHOTS.resolve(name + "-" + width.getKey() + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            }
            driver.manage().window().setSize(DESKTOP);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** axe-core on the page as it stands: no serious or critical violation. */
    public Browser accessible() {
        Results results = new AxeBuilder().analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
        assertThat(serious).as("serious or critical accessibility violations on " + path()).isEmpty();
        return this;
    }

    /** Signs in through the sign-in page, as a person would. */
    public Browser signIn(String email, String password) {
        open("/sign-in");
        type("#email", email).type("#password", password).click("main button[type=submit]");
        waitFor().until(ignored -> !path().startsWith("/sign-in"));
        return this;
    }

    public Browser choose(String css, String visibleText) {
        new Select(find(css)).selectByVisibleText(visibleText);
        return this;
    }

    public String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    public Browser signOut() {
        driver.manage().deleteAllCookies();
        return this;
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList();
    }

    /**
     * Whether a page's element is no longer in the document. While the next page replaces it, chromedriver answers
     * either "stale element" or, for a moment, an inspector error about the node: both mean it is gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException replaced) {
            return true;
        }
    }

    private WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
