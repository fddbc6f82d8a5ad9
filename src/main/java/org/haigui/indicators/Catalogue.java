package org.haigui.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The indicator catalogue: the one list of indicator definitions. The standard catalogue is the
 * core definitions of this package followed by those of every {@link IndicatorProvider} found by
 * {@link ServiceLoader}; adding an indicator means adding one entry to a provider.
 */
public final class Catalogue {

    /** Catalogue version (indicators.md, version 1). */
    public static final String VERSION = "1";

    private final Map<String, IndicatorDefinition> entries;
    private final List<IndicatorProvider> providers;

    private Catalogue(Collection<IndicatorDefinition> defs) {
        this(defs, List.of());
    }

    private Catalogue(Collection<IndicatorDefinition> defs, List<IndicatorProvider> providers) {
        this.providers = List.copyOf(providers);
        Map<String, IndicatorDefinition> m = new LinkedHashMap<>();
        for (IndicatorDefinition d : defs) {
            if (m.putIfAbsent(d.id(), d) != null) {
                throw new IllegalStateException("indicator " + d.id() + " is defined twice in the catalogue");
            }
        }
        this.entries = Collections.unmodifiableMap(m);
    }

    /** The core definitions plus every provider on the class path. */
    public static Catalogue standard() {
        List<IndicatorDefinition> all = new ArrayList<>(CoreIndicators.definitions());
        List<IndicatorProvider> providers = new ArrayList<>();
        for (IndicatorProvider p : ServiceLoader.load(IndicatorProvider.class, Catalogue.class.getClassLoader())) {
            all.addAll(p.definitions());
            providers.add(p);
        }
        return new Catalogue(all, providers);
    }

    /** Only the core definitions of this package. */
    public static Catalogue core() {
        return new Catalogue(CoreIndicators.definitions());
    }

    /** A catalogue from the given definitions. */
    public static Catalogue of(Collection<IndicatorDefinition> defs) {
        return new Catalogue(defs);
    }

    /** This catalogue followed by more definitions. */
    public Catalogue with(Collection<IndicatorDefinition> more) {
        List<IndicatorDefinition> all = new ArrayList<>(entries.values());
        all.addAll(more);
        return new Catalogue(all, providers);
    }

    /** Lets every provider prepare its inputs for a run (see {@link IndicatorProvider#prepare}). */
    void prepare(java.sql.Connection c) {
        for (IndicatorProvider p : providers) {
            p.prepare(c);
        }
    }

    public List<IndicatorDefinition> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<IndicatorDefinition> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }
}
