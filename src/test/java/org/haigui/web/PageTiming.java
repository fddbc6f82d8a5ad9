package org.haigui.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page load as the browser measures it (Navigation Timing, milliseconds from the start of the
 * navigation): the last byte of the HTML, DOMContentLoaded, the load event, "usable" - when the
 * dashboard's first page shows its figures (headline numbers, sentences, tables; the
 * {@code hg-figures} mark of app.js) - and "drawn", when its charts are drawn too ({@code hg-ready}).
 */
record PageTiming(double responseEnd, double domContentLoaded, double load, double usable, double drawn) {

    /** Opens {@code url} (a page of the dashboard, e.g. {@code .../#overview}) and waits until it is usable. */
    static PageTiming load(WebDriver driver, String url, String page) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> {
            WebElement m = d.findElement(By.id("main"));
            return "true".equals(m.getAttribute("data-ready")) && page.equals(m.getAttribute("data-page"));
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
            "const n = performance.getEntriesByType('navigation')[0];"
                + "const f = performance.getEntriesByName('hg-figures');"
                + "const r = performance.getEntriesByName('hg-ready');"
                + "return {responseEnd: n.responseEnd, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,"
                + " usable: f.length ? f[0].startTime : -1, drawn: r.length ? r[0].startTime : -1};");
        return new PageTiming(num(t.get("responseEnd")), num(t.get("dcl")), num(t.get("load")), num(t.get("usable")),
            num(t.get("drawn")));
    }

    private static double num(Object o) {
        return o == null ? -1 : ((Number) o).doubleValue();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "usable %.0f ms, charts drawn %.0f ms (HTML %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms)",
            usable, drawn, responseEnd, domContentLoaded, load);
    }
}
