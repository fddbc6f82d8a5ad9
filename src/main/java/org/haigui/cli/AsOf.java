package org.haigui.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import org.haigui.core.HaiguiException;
import org.haigui.store.Store;

/**
 * The as-of date D of every command that computes figures, in one place: parsed strictly (a day
 * that does not exist is named as such), by default the newest date in the store (never the
 * machine's today, so the same store gives the same figures on any day), refused when after the
 * newest date unless {@code --allow-future}, and always printed (on standard error) so that every
 * output says which D it used.
 */
final class AsOf {

    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private AsOf() {
    }

    /** Parses YYYY-MM-DD; "2021-02-30" is refused as a day that does not exist. */
    static LocalDate parse(String text, String flag) {
        String s = text.trim();
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw HaiguiException.usage(flag + " must be a date YYYY-MM-DD (日期格式应为 YYYY-MM-DD), not '" + text + "'");
        }
        try {
            return LocalDate.parse(s, STRICT);
        } catch (DateTimeException e) {
            throw HaiguiException.usage(flag + " " + s + ": that day does not exist (该日期不存在)"
                + (s.substring(5, 7).compareTo("12") > 0 || s.substring(5, 7).equals("00") ? ": there is no month " + s.substring(5, 7)
                    : ": " + java.time.YearMonth.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)))
                        + " has " + java.time.YearMonth.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)))
                        .lengthOfMonth() + " days"));
        }
    }

    /**
     * The as-of date to use on this store: {@code text} (may be null: the newest date in the
     * store, or today for a store without dated rows), checked against the newest date, and
     * printed on {@code err}.
     */
    static LocalDate resolve(String text, boolean allowFuture, Store store, PrintWriter err) {
        Optional<LocalDate> newest = store.newestDate();
        LocalDate d;
        if (text == null) {
            d = newest.orElse(LocalDate.now());
            err.println("haigui: as of " + d + (newest.isPresent() ? " (the newest date in the store; --as-of to choose another) 截至 "
                + d + "（库中最新日期）" : " (today: the store has no dated records) 截至今天"));
        } else {
            d = parse(text, "--as-of");
            if (newest.isPresent() && d.isAfter(newest.get())) {
                if (!allowFuture) {
                    throw HaiguiException.usage("--as-of " + d + " is after the newest date in the store (" + newest.get()
                        + "): the figures would count records that are not there yet. Give a date on or before " + newest.get()
                        + ", or add --allow-future to compute anyway. 截至日期晚于库中最新日期 " + newest.get() + "。");
                }
                err.println("haigui: warning: as of " + d + ", after the newest date in the store (" + newest.get()
                    + "); figures after it count no records (--allow-future) 截至日期晚于库中最新日期");
            } else {
                err.println("haigui: as of " + d + " 截至 " + d);
            }
        }
        err.flush();
        return d;
    }
}
