package org.haigui.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * The computed figures, cached per (as-of date, blueprint, raw or protected). The whole catalogue
 * is computed once per as-of date on a reader of its own (one snapshot) and protected as one set of
 * linked tables, as the report publishes it; a request then only filters. Concurrent requests for
 * the same key wait for the one computation. An import's commit drops everything
 * ({@link #invalidate}); at most {@link #MAX_ENTRIES} keys are kept.
 *
 * <p>A {@link RawResult} never leaves this class except as the analyst's {@link View} (raw true):
 * every other view is made from the {@link ProtectedResult} of {@link Disclosure#protect}.
 */
final class Figures {

    static final int MAX_ENTRIES = 12;

    /** What a caller sees: the tidy rows by indicator, raw (analyst) or protected (everyone else). */
    record View(LocalDate asOf, boolean raw, Map<String, List<IndicatorValue>> byIndicator, Map<String, String> notAvailable,
                IndicatorResult.RunInfo info, DisclosureRules rules, long computedMillis, Map<String, byte[]> responses) {

        /** The serialized answer to a request on these figures, made once per request key (dropped with the view). */
        byte[] response(String key, java.util.function.Supplier<byte[]> make) {
            byte[] b = responses.get(key);
            if (b == null) {
                b = make.get();
                if (responses.size() >= 512) {
                    responses.clear();
                }
                responses.put(key, b);
            }
            return b;
        }
    }

    private record Key(LocalDate asOf, String blueprint, boolean raw) {
    }

    private final Store store;
    private final RunContext base;
    private final DisclosureRules rules;
    private final Map<Key, CompletableFuture<Object>> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    Figures(Store store, RunContext base, DisclosureRules rules) {
        this.store = store;
        this.base = base;
        this.rules = rules;
    }

    /** The context of a run as of {@code asOf}: the server's blueprint, survey and bootstrap. */
    RunContext context(LocalDate asOf) {
        return new RunContext(asOf, base.blueprint(), base.survey(), base.seed(), base.resamples(), base.largest());
    }

    Catalogue catalogue(LocalDate asOf) {
        return new IndicatorEngine().catalogue(context(asOf));
    }

    /** The figures as of {@code asOf} for a caller who gets raw figures ({@code raw}) or not. */
    View view(LocalDate asOf, boolean raw) {
        Object o = join(entry(new Key(asOf, blueprintId(), raw)));
        return (View) o;
    }

    /** Drops every cached figure (an import committed). */
    void invalidate() {
        generation.incrementAndGet();
        cache.clear();
        raws.clear();
    }

    long generation() {
        return generation.get();
    }

    private String blueprintId() {
        return base.blueprint() == null ? "" : base.blueprint().city().id();
    }

    private CompletableFuture<Object> entry(Key key) {
        CompletableFuture<Object> f = cache.get(key);
        if (f != null) {
            return f;
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        f = cache.putIfAbsent(key, mine);
        if (f != null) {
            return f;
        }
        trim(key);
        long gen = generation.get();
        try {
            mine.complete(compute(key));
        } catch (RuntimeException | Error e) {
            cache.remove(key, mine);
            mine.completeExceptionally(e);
        }
        if (gen != generation.get()) {
            // an import committed meanwhile: hand this result to who waited, keep nothing of it
            cache.remove(key, mine);
        }
        return mine;
    }

    private Object compute(Key key) {
        if (!key.raw()) {
            Raw r = (Raw) join(rawEntry(key));
            ProtectedResult p = Disclosure.protect(r.result(), rules, r.catalogue()::find);
            return view(key.asOf(), false, p.values(), p.notAvailable(), p.info(), p.rules(), r.millis() + p.stats().millis());
        }
        Raw r = (Raw) join(rawEntry(key));
        return view(key.asOf(), true, r.result().values(), r.result().notAvailable(), r.result().info(), null, r.millis());
    }

    /** The engine's raw result, itself cached under a key of its own (never handed out). */
    private record Raw(RawResult result, Catalogue catalogue, long millis) {
    }

    private final Map<Key, CompletableFuture<Object>> raws = new ConcurrentHashMap<>();

    private CompletableFuture<Object> rawEntry(Key key) {
        Key k = new Key(key.asOf(), key.blueprint(), true);
        long gen = generation.get();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> f = raws.putIfAbsent(k, mine);
        if (f != null) {
            return f;
        }
        try {
            long t0 = System.nanoTime();
            RunContext ctx = context(key.asOf());
            IndicatorEngine engine = new IndicatorEngine();
            RawResult raw;
            try (Connection reader = store.reader()) {
                raw = engine.run(reader, IndicatorRequest.of(ctx));
            } catch (SQLException e) {
                throw HaiguiException.store("cannot read the store: " + e.getMessage(), e);
            }
            mine.complete(new Raw(raw, engine.catalogue(ctx), (System.nanoTime() - t0) / 1_000_000));
        } catch (RuntimeException | Error e) {
            raws.remove(k, mine);
            mine.completeExceptionally(e);
        }
        if (gen != generation.get()) {
            raws.remove(k, mine);
        }
        return mine;
    }

    private static View view(LocalDate asOf, boolean raw, List<IndicatorValue> values, Map<String, String> notAvailable,
                             IndicatorResult.RunInfo info, DisclosureRules rules, long millis) {
        Map<String, List<IndicatorValue>> by = new LinkedHashMap<>();
        for (IndicatorValue v : values) {
            by.computeIfAbsent(v.indicator(), k -> new ArrayList<>()).add(v);
        }
        by.replaceAll((k, v) -> List.copyOf(v));
        return new View(asOf, raw, Map.copyOf(by), notAvailable, info, rules, millis, new ConcurrentHashMap<>());
    }

    private void trim(Key keep) {
        if (cache.size() <= MAX_ENTRIES) {
            return;
        }
        Iterator<Key> it = cache.keySet().iterator();
        while (cache.size() > MAX_ENTRIES && it.hasNext()) {
            Key k = it.next();
            if (!k.equals(keep)) {
                it.remove();
                raws.remove(new Key(k.asOf(), k.blueprint(), true));
            }
        }
    }

    private static Object join(CompletableFuture<Object> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "interrupted while computing the figures", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "computing the figures failed: " + c, c);
        }
    }
}
