package org.haigui.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "May use" line of every {@code package-info.java} is the rule: a class of a package depends
 * on no other {@code org.haigui} package than its own, its subpackages, and those its line names
 * ({@code {@code name}}; "every feature package" for {@code cli}). A new package without such a
 * line fails too. And nothing downstream of disclosure control accepts raw figures.
 */
class PackageRulesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/haigui");
    private static JavaClasses classes;
    private static Map<String, Set<String>> mayUse;

    @BeforeAll
    static void load() throws IOException {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.haigui");
        mayUse = readMayUse();
    }

    /** Package (relative to org.haigui, dotted) -> the packages its line allows; "*" for every package. */
    static Map<String, Set<String>> readMayUse() throws IOException {
        List<Path> infos;
        try (Stream<Path> s = Files.walk(SOURCES)) {
            infos = s.filter(p -> p.getFileName().toString().equals("package-info.java")).sorted().toList();
        }
        Set<String> names = new TreeSet<>();
        for (Path p : infos) {
            names.add(SOURCES.relativize(p.getParent()).toString().replace('/', '.'));
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Pattern line = Pattern.compile("May use:(.*?)(?:Used by|Nothing may|\\*/)", Pattern.DOTALL);
        Pattern code = Pattern.compile("\\{@code ([a-z.]+)\\}");
        for (Path p : infos) {
            String pkg = SOURCES.relativize(p.getParent()).toString().replace('/', '.');
            String text = Files.readString(p, StandardCharsets.UTF_8).replaceAll("(?m)^\\s*\\*(?!/)\\s?", " ");
            Matcher m = line.matcher(text);
            assertThat(m.find()).as(p + " has a 'May use:' line").isTrue();
            Set<String> allowed = new TreeSet<>();
            if (m.group(1).contains("every feature package")) {
                allowed.add("*");
            }
            Matcher c = code.matcher(m.group(1));
            while (c.find()) {
                if (names.contains(c.group(1))) {
                    allowed.add(c.group(1));
                }
            }
            out.put(pkg, allowed);
        }
        return out;
    }

    @Test
    void everyPackageDependsOnlyOnWhatItsPackageInfoAllows() {
        assertThat(mayUse).containsKeys("core", "schema", "ingest", "store", "indicators", "ties", "cli", "synth", "disclosure", "blueprint");
        assertThat(mayUse.get("core")).isEmpty();
        assertThat(mayUse.get("ingest")).contains("schema", "store").doesNotContain("indicators");
        assertThat(violations(mayUse)).isEmpty();
        // the rule bites: ingest without its right to use store is a violation
        Map<String, Set<String>> narrowed = new LinkedHashMap<>(mayUse);
        Set<String> ingest = new TreeSet<>(mayUse.get("ingest"));
        ingest.remove("store");
        narrowed.put("ingest", ingest);
        assertThat(violations(narrowed)).anyMatch(v -> v.contains("org.haigui.store"));
    }

    private static List<String> violations(Map<String, Set<String>> mayUse) {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : mayUse.entrySet()) {
            String pkg = "org.haigui." + e.getKey();
            Set<String> allowed = e.getValue();
            DescribedPredicate<JavaClass> permitted = new DescribedPredicate<>("allowed by the 'May use' line of " + e.getKey()) {
                @Override
                public boolean test(JavaClass t) {
                    String target = t.getPackageName();
                    if (!target.startsWith("org.haigui.") || allowed.contains("*") || target.equals(pkg) || target.startsWith(pkg + ".")) {
                        return true;
                    }
                    String rel = target.substring("org.haigui.".length());
                    return allowed.stream().anyMatch(a -> rel.equals(a) || rel.startsWith(a + "."));
                }
            };
            try {
                classes().that().resideInAPackage(pkg).should().onlyDependOnClassesThat(permitted).allowEmptyShould(true).check(classes);
            } catch (AssertionError ex) {
                violations.add(ex.getMessage());
            }
        }
        return violations;
    }

    @Test
    void nothingMayUseTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.haigui.cli..").should().dependOnClassesThat().resideInAPackage("org.haigui.cli..")
            .check(classes);
    }

    @Test
    void nothingThatPublishesAcceptsRawFigures() {
        noClasses().that().resideInAnyPackage("org.haigui.report..", "org.haigui.export..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.haigui.indicators.RawResult")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.haigui.indicators.RawCell")
            .allowEmptyShould(true).check(classes);
    }
}
