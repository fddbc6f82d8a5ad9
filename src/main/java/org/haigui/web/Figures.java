package org.haigui.web;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.haigui.core.HaiguiException;
import org.haigui.disclosure.Disclosure;
import org.haigui.disclosure.DisclosureRules;
import org.haigui.disclosure.ProtectedResult;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.IndicatorResult;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.RawResult;
import org.haigui.indicators.RunContext;
import org.haigui.store.Store;
import org.slf4j.LoggerFactory;

/**
 * The computed figures, cached per (as-of date, blueprint, raw or protected). The whole catalogue
 * is computed once per as-of date on a reader of its own (one snapshot, whose last import batch the
 * figures record) and protected as one set of linked tables, as the report publishes it; a request
 * then only filters, and each distinct answer is serialised (and gzipped) once per figures.
 *
 * <p><b>Generations.</b> The cache belongs to a generation; an import's commit ({@link #invalidate})
 * starts a new one. The figures of the old generation are kept as the <i>previous</i> figures and
 * served, marked as such ({@link Served#refreshing}), while the new ones are computed in the
 * background (on one thread, so that readers keep a core); each (as-of date, raw or protected) is
 * swapped to the new figures when they are complete - a response is always one set of figures from
 * one snapshot, never a mix. Only a key that has no figures at all (a first visit to a new as-of
 * date, or a start) makes its caller wait. At most {@link #MAX_ENTRIES} keys are kept per generation.
 *
 * <p>A {@link RawResult} never leaves this class except as the analyst's {@link View} (raw true):
 * every other view is made from the {@link ProtectedResult} of {@link Disclosure#protect}.
 */
final class Figures implements AutoCloseable {

    static final int MAX_ENTRIES = 12;

    /**
     * What a caller sees: the tidy rows by indicator, raw (analyst) or protected (everyone else),
     * computed on a snapshot that holds the import batches up to {@code batch}.
     */
    record View(LocalDate asOf, boolean raw, Map<String, List<IndicatorValue>> byIndicator, Map<String, String> notAvailable,
                IndicatorResult.RunInfo info, DisclosureRules rules, long computedMillis, long batch, Instant computedAt,
                Map<String, Prepared> responses) {

        /** The answer to a request on these figures, serialised once per request key (dropped with the view). */
        Prepared response(String key, Supplier<byte[]> make) {
            Prepared p = responses.get(key);
            if (p == null) {
                p = Prepared.of(make.get());
                if (responses.size() >= 512) {
                    responses.clear();
                }
                responses.put(key, p);
            }
            return p;
        }
    }

    /** The figures a request gets, and whether they are the previous ones, served while the current ones are computed. */
    record Served(View view, boolean refreshing) {
    }

    private record Key(LocalDate asOf, String blueprint, boolean raw) {
    }

    /** The engine's raw result, cached per generation under a key of its own (never handed out). */
    private record Raw(RawResult result, Catalogue catalogue, long millis, long batch) {
    }

    /** The cache of one state of the store (between two imports). */
    private static final class Generation {
        final long number;
        final Map<Key, CompletableFuture<View>> views = new ConcurrentHashMap<>();
        final Map<Key, CompletableFuture<Raw>> raws = new ConcurrentHashMap<>();

        Generation(long number) {
            this.number = number;
        }
    }

    private final Store store;
    private final RunContext base;
    private final DisclosureRules rules;
    private volatile Generation current = new Generation(0);
    /** The newest complete figures of an older generation per key, served while the current ones are computed. */
    private final Map<Key, View> previous = new ConcurrentHashMap<>();
    private final Map<LocalDate, Catalogue> catalogues = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "haigui-figures");
        t.setDaemon(true);
        return t;
    });

    Figures(Store store, RunContext base, DisclosureRules rules) {
        this.store = store;
        this.base = base;
        this.rules = rules;
    }

    /** The context of a run as of {@code asOf}: the server's blueprint, survey and bootstrap. */
    RunContext context(LocalDate asOf) {
        return new RunContext(asOf, base.blueprint(), base.survey(), base.seed(), base.resamples(), base.largest());
    }

    /** The catalogue of a run as of {@code asOf} (made once per date: it changes only with the program). */
    Catalogue catalogue(LocalDate asOf) {
        Catalogue c = catalogues.get(asOf);
        if (c == null) {
            if (catalogues.size() > 64) {
                catalogues.clear();
            }
            c = new IndicatorEngine().catalogue(context(asOf));
            catalogues.put(asOf, c);
        }
        return c;
    }

    /**
     * The figures as of {@code asOf} for a caller who gets raw figures ({@code raw}) or not: the
     * current ones when they are computed, else the previous ones (refreshing, their computation
     * started in the background), else the current ones once computed (the caller waits).
     */
    Served view(LocalDate asOf, boolean raw) {
        Key key = new Key(asOf, blueprintId(), raw);
        Generation g = current;
        View v = done(g.views.get(key));
        if (v != null) {
            return new Served(v, false);
        }
        View old = previous.get(key);
        if (old != null) {
            start(g, key, true);
            return new Served(old, true);
        }
        return new Served(join(start(g, key, false)), false);
    }

    /** Starts computing the figures as of {@code asOf} (raw and protected) in the background; completes when both are. */
    CompletableFuture<Void> warm(LocalDate asOf) {
        Generation g = current;
        return CompletableFuture.allOf(start(g, new Key(asOf, blueprintId(), false), true),
            start(g, new Key(asOf, blueprintId(), true), true));
    }

    /**
     * An import committed: a new generation starts; the figures computed so far become the previous
     * figures (served while refreshing) and are computed again in the background, the default as-of
     * date's first.
     */
    void invalidate() {
        Generation g;
        synchronized (this) {
            Generation old = current;
            old.views.forEach((k, f) -> {
                View v = done(f);
                if (v != null) {
                    previous.merge(k, v, Figures::newer);
                }
            });
            g = new Generation(old.number + 1);
            current = g;
        }
        List<Key> keys = new ArrayList<>(previous.keySet());
        keys.sort(Comparator.comparing((Key k) -> !k.asOf().equals(base.asOf())).thenComparing(k -> !k.raw()));
        for (Key k : keys) {
            start(g, k, true);
        }
    }

    /** The number of the current generation (one more per import). */
    long generation() {
        return current.number;
    }

    /** Whether previous figures are being served for some key (a refresh after an import is under way). */
    boolean refreshing() {
        return !previous.isEmpty();
    }

    /** Runs {@code task} on the figures' background thread, after what is queued there (lets a test hold a refresh). */
    void runInBackground(Runnable task) {
        background.execute(task);
    }

    private static View newer(View a, View b) {
        return b.batch() > a.batch() || (b.batch() == a.batch() && b.computedAt().isAfter(a.computedAt())) ? b : a;
    }

    private String blueprintId() {
        return base.blueprint() == null ? "" : base.blueprint().city().id();
    }

    /**
     * The future of the key's figures in generation {@code g}, started if need be: in the background
     * ({@code inBackground}), else in the calling thread (which then returns when they are computed).
     */
    private CompletableFuture<View> start(Generation g, Key key, boolean inBackground) {
        CompletableFuture<View> f = g.views.get(key);
        if (f != null) {
            return f;
        }
        CompletableFuture<View> mine = new CompletableFuture<>();
        f = g.views.putIfAbsent(key, mine);
        if (f != null) {
            return f;
        }
        trim(g, key);
        if (inBackground) {
            try {
                background.execute(() -> fill(g, key, mine, true));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                g.views.remove(key, mine);
                mine.completeExceptionally(new HaiguiException(HaiguiException.Kind.STORE, "the server is stopping", e));
            }
        } else {
            fill(g, key, mine, false);
        }
        return mine;
    }

    private void fill(Generation g, Key key, CompletableFuture<View> mine, boolean inBackground) {
        if (inBackground && g != current) {
            // a newer import committed before this refresh began: the newer generation's figures answer whoever waits
            start(current, key, true).whenComplete((v, e) -> {
                if (e != null) {
                    mine.completeExceptionally(e);
                } else {
                    mine.complete(v);
                }
            });
            return;
        }
        View v;
        try {
            v = compute(g, key);
        } catch (RuntimeException | Error e) {
            g.views.remove(key, mine);
            mine.completeExceptionally(e);
            LoggerFactory.getLogger(Figures.class).warn("computing the figures as of {} failed: {}", key.asOf(), e.getMessage());
            return;
        }
        synchronized (this) {
            if (g == current) {
                previous.remove(key);
            } else {
                // an import committed meanwhile: these figures may still be newer than the previous ones
                previous.computeIfPresent(key, (k, old) -> newer(old, v));
            }
            mine.complete(v);
        }
    }

    private View compute(Generation g, Key key) {
        Raw r = join(raw(g, key));
        if (!key.raw()) {
            ProtectedResult p = Disclosure.protect(r.result(), rules, r.catalogue()::find);
            return view(key.asOf(), false, p.values(), p.notAvailable(), p.info(), p.rules(), r.millis() + p.stats().millis(), r.batch());
        }
        return view(key.asOf(), true, r.result().values(), r.result().notAvailable(), r.result().info(), null, r.millis(), r.batch());
    }

    private CompletableFuture<Raw> raw(Generation g, Key key) {
        Key k = new Key(key.asOf(), key.blueprint(), true);
        CompletableFuture<Raw> mine = new CompletableFuture<>();
        CompletableFuture<Raw> f = g.raws.putIfAbsent(k, mine);
        if (f != null) {
            return f;
        }
        try {
            long t0 = System.nanoTime();
            RunContext ctx = context(key.asOf());
            IndicatorEngine engine = new IndicatorEngine();
            RawResult raw;
            long batch;
            try (Connection reader = store.reader()) {
                // the batch and the run in one transaction: the figures hold exactly the batches up to it
                reader.setAutoCommit(false);
                try (Statement st = reader.createStatement();
                     ResultSet rs = st.executeQuery("SELECT coalesce(max(batch_id), 0) FROM import_batches")) {
                    rs.next();
                    batch = rs.getLong(1);
                }
                raw = engine.run(reader, IndicatorRequest.of(ctx));
            } catch (SQLException e) {
                throw HaiguiException.store("cannot read the store: " + e.getMessage(), e);
            }
            mine.complete(new Raw(raw, engine.catalogue(ctx), (System.nanoTime() - t0) / 1_000_000, batch));
        } catch (RuntimeException | Error e) {
            g.raws.remove(k, mine);
            mine.completeExceptionally(e);
        }
        return mine;
    }

    private static View view(LocalDate asOf, boolean raw, List<IndicatorValue> values, Map<String, String> notAvailable,
                             IndicatorResult.RunInfo info, DisclosureRules rules, long millis, long batch) {
        Map<String, List<IndicatorValue>> by = new LinkedHashMap<>();
        for (IndicatorValue v : values) {
            by.computeIfAbsent(v.indicator(), k -> new ArrayList<>()).add(v);
        }
        by.replaceAll((k, v) -> List.copyOf(v));
        return new View(asOf, raw, Map.copyOf(by), notAvailable, info, rules, millis, batch, Instant.now(), new ConcurrentHashMap<>());
    }

    private void trim(Generation g, Key keep) {
        if (g.views.size() <= MAX_ENTRIES) {
            return;
        }
        Iterator<Key> it = g.views.keySet().iterator();
        while (g.views.size() > MAX_ENTRIES && it.hasNext()) {
            Key k = it.next();
            if (!k.equals(keep) && g.views.get(k) != null && g.views.get(k).isDone()) {
                it.remove();
                g.raws.remove(new Key(k.asOf(), k.blueprint(), true));
            }
        }
        while (previous.size() > MAX_ENTRIES) {
            previous.keySet().stream().filter(k -> !k.equals(keep)).findFirst().ifPresent(previous::remove);
        }
    }

    /** The view of a future that completed normally, else null. */
    private static View done(CompletableFuture<View> f) {
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    private static <T> T join(CompletableFuture<T> f) {
        return org.haigui.core.Tasks.result(f, RuntimeException.class, "computing the figures");
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            // a computation under way ends with its query; give it a moment before the store closes
            background.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
