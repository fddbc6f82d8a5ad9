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

    /** The core definitions plus every provider's on the class path, for a run of {@code context}. */
    public static Catalogue standard(RunContext context) {
        List<IndicatorProvider> providers = new ArrayList<>();
        for (IndicatorProvider p : ServiceLoader.load(IndicatorProvider.class, Catalogue.class.getClassLoader())) {
            providers.add(p);
        }
        return standard(context, providers);
    }

    /** The core definitions plus the given providers' definitions, for a run of {@code context}. */
    public static Catalogue standard(RunContext context, List<IndicatorProvider> providers) {
        List<IndicatorDefinition> all = new ArrayList<>(CoreIndicators.definitions(context));
        for (IndicatorProvider p : providers) {
            all.addAll(p.definitions(context));
        }
        return new Catalogue(all, providers);
    }

    /**
     * The standard catalogue for listing (methods appendix, documentation, the audit's structure):
     * titles name no city, the SQL is as of today.
     */
    public static Catalogue standard() {
        return standard(RunContext.of(java.time.LocalDate.now()));
    }

    /** Only the core definitions of this package (titles name no city). */
    public static Catalogue core() {
        return new Catalogue(CoreIndicators.definitions(RunContext.of(java.time.LocalDate.now())));
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
    void prepare(RunContext context, SqlSession c) throws java.sql.SQLException {
        for (IndicatorProvider p : providers) {
            p.prepare(context, c);
        }
    }

    public List<IndicatorDefinition> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<IndicatorDefinition> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }
}
