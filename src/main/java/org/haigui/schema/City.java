package org.haigui.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haigui.csv.CsvReader;

/**
 * The city whose records are imported: its districts (GB/T 2260 codes, facts.md), read from the
 * resource {@code city/<name>.csv} (columns {@code code,name_zh,...}, header first). Shanghai is
 * the only one shipped; another city adds its file. Which city an import uses is chosen by the
 * caller (the command line resolves it in one place), never defaulted here.
 */
public record City(String name, Map<String, String> districts) {

    public City {
        districts = Collections.unmodifiableMap(new LinkedHashMap<>(districts));
    }

    public boolean isDistrict(String code) {
        return districts.containsKey(code);
    }

    public static City load(String name) {
        InputStream in = City.class.getResourceAsStream("/city/" + name + ".csv");
        if (in == null) {
            throw new IllegalArgumentException("no city named " + name);
        }
        Map<String, String> d = new LinkedHashMap<>();
        try (CsvReader r = new CsvReader(in, StandardCharsets.UTF_8)) {
            r.next(); // header
            for (CsvReader.Record rec = r.next(); rec != null; rec = r.next()) {
                if (rec.error() != null) {
                    throw new IllegalStateException("city " + name + ", row " + rec.rowNumber() + ": " + rec.error());
                }
                List<String> f = rec.fields();
                if (f.size() >= 2) {
                    d.put(f.get(0).trim(), f.get(1).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read city " + name, e);
        }
        return new City(name, d);
    }
}
