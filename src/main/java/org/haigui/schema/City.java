package org.haigui.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The city whose records are imported: its districts (GB/T 2260 codes, facts.md). Shanghai is
 * the default and the only one shipped; another city adds {@code city/<name>.csv}.
 */
public record City(String name, Map<String, String> districts) {

    public City {
        districts = Collections.unmodifiableMap(new LinkedHashMap<>(districts));
    }

    public static final City SHANGHAI = load("shanghai");

    public boolean isDistrict(String code) {
        return districts.containsKey(code);
    }

    public static City load(String name) {
        InputStream in = City.class.getResourceAsStream("/city/" + name + ".csv");
        if (in == null) {
            throw new IllegalArgumentException("no city named " + name);
        }
        Map<String, String> d = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.split(",", 3);
                if (parts.length >= 2) {
                    d.put(parts[0].trim(), parts[1].trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read city " + name, e);
        }
        return new City(name, d);
    }
}
