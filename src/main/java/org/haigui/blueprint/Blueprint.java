package org.haigui.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.haigui.core.NameNormalizer;

/**
 * A city's development plan as data (blueprint.md): the city, the plan, its districts, its
 * priority industries and its key zones, in file order. Read one with {@link BlueprintReader};
 * the reader has checked every rule (unique ids, code prefixes, fields, zone districts, at least
 * one industry, no zone name shared by two zones), so the values here are consistent.
 */
public record Blueprint(City city, Plan plan, List<District> districts, List<Industry> industries, List<Zone> zones) {

    /** The city the blueprint is for ({@code id}: {@code [a-z0-9_]+}). */
    public record City(String id, String nameZh, String nameEn) {

        public City {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(nameZh, "nameZh");
            Objects.requireNonNull(nameEn, "nameEn");
        }
    }

    /** The plan: its names, its years as written ({@code 2021-2025}) and where it comes from. */
    public record Plan(String nameZh, String nameEn, String years, String source) {

        public Plan {
            Objects.requireNonNull(nameZh, "nameZh");
            Objects.requireNonNull(nameEn, "nameEn");
            Objects.requireNonNull(years, "years");
            Objects.requireNonNull(source, "source");
        }
    }

    public Blueprint {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(plan, "plan");
        districts = List.copyOf(districts);
        industries = List.copyOf(industries);
        zones = List.copyOf(zones);
    }

    /**
     * Every priority industry whose code prefixes the code starts with, in file order (a code may
     * fall under several industries; it counts in each). Empty for a code under none, or null.
     */
    public List<Industry> industriesOf(String industryCode) {
        List<Industry> out = new ArrayList<>();
        for (Industry i : industries) {
            if (i.covers(industryCode)) {
                out.add(i);
            }
        }
        return out;
    }

    /** Whether the code falls under at least one priority industry. */
    public boolean isPriority(String industryCode) {
        for (Industry i : industries) {
            if (i.covers(industryCode)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The id of the key zone a zone name as written names: the name, normalised as institution
     * names are ({@link NameNormalizer}), equals the normalised {@code name_zh}, {@code name_en} or
     * an alias of that zone. Empty when it names no key zone (or is null or blank).
     */
    public Optional<String> zoneOf(String zoneName) {
        String k = NameNormalizer.normalise(zoneName);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        for (Zone z : zones) {
            if (z.keys().contains(k)) {
                return Optional.of(z.id());
            }
        }
        return Optional.empty();
    }

    /**
     * Every normalised zone name ({@link NameNormalizer}) with the id of the zone it names, for
     * matching many names at once (a lookup table in SQL, say). No key names two zones.
     */
    public Map<String, String> zoneKeys() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Zone z : zones) {
            for (String k : z.keys()) {
                out.putIfAbsent(k, z.id());
            }
        }
        return out;
    }

    /** Whether the code is one of the city's district codes. */
    public boolean isDistrict(String code) {
        return district(code).isPresent();
    }

    public Optional<District> district(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip();
        return districts.stream().filter(d -> d.code().equals(c)).findFirst();
    }

    public Optional<Industry> industry(String id) {
        return industries.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<Zone> zone(String id) {
        return zones.stream().filter(z -> z.id().equals(id)).findFirst();
    }

    /** The tiers in the order they first appear in the file ({@code leading}, then {@code key}, ...). */
    public List<String> tiers() {
        return List.copyOf(new LinkedHashSet<>(industries.stream().map(Industry::tier).toList()));
    }

    /** The industries of one tier, in file order. */
    public List<Industry> industriesOfTier(String tier) {
        return industries.stream().filter(i -> i.tier().equals(tier)).toList();
    }

    /** The industries a person's ISCED-F broad field supplies, in file order. */
    public List<Industry> industriesSuppliedBy(String field) {
        return industries.stream().filter(i -> i.supplies(field)).toList();
    }

    /** Whether the field supplies at least one priority industry. */
    public boolean suppliesAny(String field) {
        return industries.stream().anyMatch(i -> i.supplies(field));
    }
}
