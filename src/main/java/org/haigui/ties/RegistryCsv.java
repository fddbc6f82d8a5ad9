package org.haigui.ties;

import org.haigui.core.NameNormalizer;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.haigui.core.HaiguiException;

/**
 * The rows of a registry CSV (the built-in {@code aliases.csv} and the user's files of
 * {@code institutions import}) applied to a {@link RegistryModel} in memory; nothing here touches
 * the store ({@link RegistryStore} writes what is new).
 */
final class RegistryCsv {

    private RegistryCsv() {
    }

    private static final Map<String, String> HEADERS = Map.ofEntries(
        Map.entry("institution_id", "institution_id"), Map.entry("机构编号", "institution_id"), Map.entry("id", "institution_id"),
        Map.entry("name", "name"), Map.entry("机构名称", "name"), Map.entry("institution", "name"),
        Map.entry("country", "country"), Map.entry("国家", "country"),
        Map.entry("aliases", "aliases"), Map.entry("alias", "aliases"), Map.entry("别名", "aliases"),
        Map.entry("kind", "kind"), Map.entry("类型", "kind"));

    private static final List<String> KINDS = List.of("university", "employer", "lab", "other");

    /**
     * Applies the rows of one CSV to the model, collecting what is new. A row with an error is
     * rejected as a whole (with its line number and reason); unknown columns are ignored (so the
     * CSV written by {@code unmatched --csv}, with its score columns, imports as it is).
     */
    static int applyCsv(RegistryModel model, String fileName, Reader reader, String source,
                        List<RegistryModel.Institution> newInst, List<RegistryModel.Alias> newAliases,
                        List<String> warnings, List<String> rejected) {
        int rows = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).skipEmptyLines(true)
            .ofCsvRecord(reader)) {
            Map<String, Integer> col = null;
            for (CsvRecord rec : csv) {
                if (col == null) {
                    col = new LinkedHashMap<>();
                    for (int i = 0; i < rec.getFieldCount(); i++) {
                        String h = rec.getField(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                        String canon = HEADERS.get(h);
                        if (canon != null && !col.containsKey(canon)) {
                            col.put(canon, i);
                        }
                    }
                    if (!col.containsKey("name") && !col.containsKey("institution_id")) {
                        throw HaiguiException.input(fileName + ": the header has neither a 'name' (机构名称) nor an "
                            + "'institution_id' (机构编号) column; expected institution_id,name,country,aliases,kind");
                    }
                    continue;
                }
                rows++;
                long line = rec.getStartingLineNumber();
                String err = applyRow(model, rec, col, source, newInst, newAliases, warnings, fileName + " line " + line);
                if (err != null) {
                    rejected.add(org.haigui.ids.IdText.maskAll(fileName + " line " + line + ": " + err));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String field(CsvRecord rec, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null || i >= rec.getFieldCount()) {
            return "";
        }
        return org.haigui.core.SpreadsheetCells.restore(rec.getField(i).strip());
    }

    private static String applyRow(RegistryModel model, CsvRecord rec, Map<String, Integer> col, String source,
                                   List<RegistryModel.Institution> newInst, List<RegistryModel.Alias> newAliases,
                                   List<String> warnings, String where) {
        String id = field(rec, col, "institution_id");
        String name = field(rec, col, "name");
        String country = field(rec, col, "country").toUpperCase(Locale.ROOT);
        String kind = field(rec, col, "kind").toLowerCase(Locale.ROOT);
        List<String> aliases = new ArrayList<>();
        for (String a : field(rec, col, "aliases").split(";")) {
            if (!a.isBlank()) {
                aliases.add(a.strip());
            }
        }
        for (int i = 0; i < rec.getFieldCount(); i++) {
            if (org.haigui.ids.IdText.containsValid(rec.getField(i))) {
                return "field " + (i + 1) + " looks like an identity number, which the institution registry never stores "
                    + "(看似身份证号码：机构名录不保存身份证号码)";
            }
        }
        if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
            return "country '" + country + "' is not an ISO 3166-1 alpha-2 code";
        }
        if (!kind.isEmpty() && !KINDS.contains(kind)) {
            return "kind '" + kind + "' is not one of " + String.join(", ", KINDS);
        }
        if (id.length() > 64 || id.chars().anyMatch(Character::isISOControl)) {
            return "institution_id must be 1-64 characters without control characters";
        }
        String norm = NameNormalizer.normalise(name);
        if (id.isEmpty() && name.isEmpty()) {
            return "neither institution_id nor name is given";
        }
        if (!name.isEmpty() && norm.isEmpty()) {
            return "name '" + name + "' has no letter or digit, so it could never match";
        }
        String target;
        if (!id.isEmpty() && model.byId.containsKey(id)) {
            target = id;
        } else if (!id.isEmpty()) {
            if (name.isEmpty()) {
                return "institution_id '" + id + "' is not in the registry; give a name to create it";
            }
            target = create(model, id, name, country, kind, source, newInst);
        } else {
            TreeSet<String> ids = model.idsFor(norm);
            if (ids.isEmpty()) {
                String prefix = RegistryStore.SOURCE_BUILTIN.equals(source) ? "hg:" : "user:";
                target = create(model, prefix + norm, name, country, kind, source, newInst);
            } else {
                List<String> pick = new ArrayList<>();
                for (String x : ids) {
                    if (!country.isEmpty() && country.equals(model.byId.get(x).country())) {
                        pick.add(x);
                    }
                }
                if (pick.isEmpty()) {
                    pick.addAll(ids);
                }
                target = pick.get(0);
                if (pick.size() > 1) {
                    warnings.add(where + ": '" + name + "' names several registry institutions " + pick
                        + "; the aliases were added to " + target + " (give institution_id or country to choose)");
                }
            }
        }
        if (!name.isEmpty() && !model.names(norm, target)) {
            aliases.add(0, name);
        }
        for (String a : aliases) {
            String an = NameNormalizer.normalise(a);
            if (an.isEmpty()) {
                warnings.add(where + ": alias '" + a + "' has no letter or digit; ignored");
                continue;
            }
            if (model.names(an, target)) {
                continue;
            }
            TreeSet<String> others = model.idsFor(an);
            if (!others.isEmpty()) {
                warnings.add(where + ": alias '" + a + "' already names " + others + "; with " + target
                    + " they are now one institution for matching");
            }
            RegistryModel.Alias al = new RegistryModel.Alias(target, a, source);
            model.addAlias(al);
            newAliases.add(al);
        }
        return null;
    }

    private static String create(RegistryModel model, String id, String name, String country, String kind, String source,
                                 List<RegistryModel.Institution> newInst) {
        RegistryModel.Institution inst = new RegistryModel.Institution(id, name, country.isEmpty() ? null : country, null,
            kind.isEmpty() ? (RegistryStore.SOURCE_BUILTIN.equals(source) ? "university" : "other") : kind, source);
        model.addInstitution(inst);
        newInst.add(inst);
        return id;
    }
}
