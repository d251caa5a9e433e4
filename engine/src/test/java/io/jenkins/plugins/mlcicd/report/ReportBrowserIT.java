package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Every report kind {@link HtmlReport} renders, opened in headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}; never a driver Selenium Manager downloads) from a
 * loopback server that sends a strict Content-Security-Policy. Per report: no CSP violation and no
 * console error; none of the hostile strings fed through it runs (no script element, no {@code on*}
 * attribute, no {@code javascript:} link, the flag the payloads set stays unset) and each is visible
 * as text; no horizontal overflow at 1280 px; every table has headers; every chart a title and axis
 * labels. Screenshots go to {@code target/report-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserIT {
    static final String CSP = "default-src 'none'; img-src data:; style-src 'self'";
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("mlcicd.chromedriver", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getProperty("mlcicd.chromium", "/usr/bin/chromium"));
    private static final int MAX_REQUESTS = 200;

    @TempDir
    Path work;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private ChromeDriver driver;
    private String base;

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("The report browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String body;
                String type;
                if (requests.incrementAndGet() > MAX_REQUESTS) {
                    body = "too many requests";
                    type = "text/plain";
                } else if (path.equals("/report.css")) {
                    body = HtmlReport.stylesheet();
                    type = "text/css; charset=utf-8";
                } else {
                    body = pages.get(path);
                    type = "text/html; charset=utf-8";
                }
                exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                exchange.getResponseHeaders().set("Content-Type", body == null ? "text/plain" : type);
                byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();

        // The Debian driver, named explicitly: Selenium Manager (which downloads drivers) never runs.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--disable-component-update");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    /** One page per kind HtmlReport dispatches on, plus the evaluation compared with a reference. */
    Stream<String> reports() {
        List<String> names = new ArrayList<>();
        for (ResultKind kind : ResultKind.values()) {
            names.add(kind.id());
        }
        names.add("evaluation-vs-reference");
        return names.stream();
    }

    /** Each sample made once (the evaluation runs the real evaluator on generated predictions). */
    private final Map<String, ResultDocument> samples = new ConcurrentHashMap<>();

    private ResultDocument[] documents(String name) {
        if (name.equals("evaluation-vs-reference")) {
            return new ResultDocument[] {documents(ResultKind.EVALUATION.id())[0],
                samples.computeIfAbsent(name, n -> ReportSamples.referenceEvaluation(work))};
        }
        return new ResultDocument[] {samples.computeIfAbsent(name, n -> ReportSamples.sample(ResultKind.fromId(n), work)), null};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void rendersSafelyAndReadably(String name) throws IOException {
        ResultDocument[] docs = documents(name);
        pages.put("/" + name + ".html", HtmlReport.page(docs[0], docs[1], "/report.css"));
        driver.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        driver.get(base + "/" + name + ".html");
        JavascriptExecutor js = driver;

        assertThat(driver.getTitle()).as("page loaded").startsWith(docs[0].kind().id());
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('.mlcicd-checks th')).borderBottomStyle"))
                .as("the stylesheet applied (served from 'self')").isEqualTo("solid");

        Map<String, Object> executed = new LinkedHashMap<>();
        executed.put("flag", js.executeScript("return window." + ReportSamples.FLAG + " === undefined ? null : String(window."
                + ReportSamples.FLAG + ")"));
        executed.put("scripts", js.executeScript("return document.querySelectorAll('script').length"));
        executed.put("handlers", js.executeScript("return Array.from(document.querySelectorAll('*')).flatMap(e => "
                + "Array.from(e.attributes).filter(a => a.name.toLowerCase().startsWith('on')).map(a => e.tagName + ' ' + a.name))"));
        executed.put("javascriptUrls", js.executeScript("return Array.from(document.querySelectorAll('[href],[src],[xlink\\\\:href]'))"
                + ".map(e => e.getAttribute('href') || e.getAttribute('src') || '').filter(u => /^\\s*javascript:/i.test(u))"));
        executed.put("styleAttributes", js.executeScript("return document.querySelectorAll('[style]').length"));
        executed.put("images", js.executeScript("return document.querySelectorAll('img').length"));
        assertThat(executed).as("nothing a hostile string carried became markup or ran").isEqualTo(Map.of(
                "flag", "null", "scripts", 0L, "handlers", List.of(), "javascriptUrls", List.of(), "styleAttributes", 0L,
                "images", 0L).entrySet().stream().collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(),
                e.getKey().equals("flag") ? null : e.getValue()), Map::putAll));

        String text = driver.findElement(By.tagName("body")).getText();
        String html = HtmlReport.fragment(docs[0], docs[1]);
        for (String hostile : ReportSamples.HOSTILE) {
            if (html.contains(Html.escape(hostile))) {
                assertThat(text).as("visible as text: %s", hostile).contains(visible(hostile));
            }
        }
        assertThat(text.chars().filter(c -> Html.isBidiControl((char) c)).count()).as("no bidirectional control reaches the page")
                .isZero();

        Number overflow = (Number) js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow at 1280 px").isLessThanOrEqualTo(0);

        List<WebElement> tables = driver.findElements(By.tagName("table"));
        assertThat(tables).as("tables").isNotEmpty();
        for (WebElement table : tables) {
            assertThat(table.findElements(By.tagName("th"))).as("headers of a table").isNotEmpty();
        }
        List<Object> charts = (List<Object>) js.executeScript("return Array.from(document.querySelectorAll('svg')).map(s => ["
                + "s.querySelector(':scope > title') ? s.querySelector(':scope > title').textContent : '',"
                + "s.querySelectorAll('.mlcicd-chart-axis-label').length, s.querySelectorAll('.mlcicd-chart-title').length])");
        for (Object chart : charts) {
            List<?> c = (List<?>) chart;
            assertThat((String) c.get(0)).as("chart title").isNotBlank();
            assertThat(((Number) c.get(1)).intValue()).as("axis labels of %s", c.get(0)).isEqualTo(2);
            assertThat(((Number) c.get(2)).intValue()).as("visible title of %s", c.get(0)).isEqualTo(1);
        }
        if (docs[0].kind() == ResultKind.EVALUATION) {
            assertThat(charts).as("ROC, precision-recall, reliability and score histogram").hasSize(4);
        }

        assertThat(consoleProblems()).as("console errors and CSP violations").isEmpty();

        Path screenshots = Path.of("target", "report-screenshots");
        Files.createDirectories(screenshots);
        // The whole page: the window grows to the document's height for the shot, then back.
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 140, 900), 6000)));
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** The harness itself: a page that breaks the policy must show up in the console check. */
    @org.junit.jupiter.api.Test
    void theConsoleCheckSeesAPolicyViolation() {
        pages.put("/violation.html", "<!DOCTYPE html><html><head><title>v</title></head><body><p style=\"color:red\">inline style</p>"
                + "<img src=\"/nothing.png\" alt=\"\"></body></html>");
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(base + "/violation.html");
        assertThat(consoleProblems()).as("what the browser logged about the inline style and the image").isNotEmpty()
                .anyMatch(line -> line.contains("Content Security Policy"));
    }

    private List<String> consoleProblems() {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue() || entry.getMessage().contains("Content Security Policy")) {
                problems.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        return problems;
    }

    /** How a string reads on the page: bidirectional controls shown as their code, as Html.escape does. */
    private static String visible(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(Html.isBidiControl(c) ? Html.visible(c) : String.valueOf(c));
        }
        return out.toString();
    }
}
