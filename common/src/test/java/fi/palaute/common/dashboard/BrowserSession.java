package fi.palaute.common.dashboard;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium for a browser test class: register it as
 * {@code @RegisterExtension static final BrowserSession session = new BrowserSession();}. It starts the
 * browser before the class's first test (skipped without a browser, failing under CI=true: see
 * {@link Browser#start}), signs every test out afterwards (cookies deleted, so a test never starts signed
 * in by the one before) and quits the browser after the last.
 */
public final class BrowserSession implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        browser = Browser.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) browser.driver.manage().deleteAllCookies();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (browser != null) browser.close();
        browser = null;
    }

    public Browser browser() {
        return browser;
    }

    public ChromeDriver driver() {
        return browser.driver;
    }
}
