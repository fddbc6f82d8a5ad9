package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every statement an indicator run executes, rendered for Spark SQL, is parsed by Spark's own
 * parser and every function it calls exists in Spark's built-in function registry: a construct
 * Spark cannot run fails the build, not a later port.
 */
class DialectSparkTest {

    private static final LocalDate D = LocalDate.of(2021, 9, 30);
    private static final Set<String> NOT_FUNCTIONS = Set.of("in", "exists", "values", "over", "as", "and", "or", "join", "on", "from",
        "sets", "by", "where", "select", "not", "decimal", "with", "union", "all", "then", "else", "when", "case", "end", "is", "null",
        "between", "left", "using");

    private static List<String> statements;

    @BeforeAll
    static void render() throws Exception {
        statements = everyStatement(Dialect.SPARK);
    }

    /** Every statement of a run of the standard catalogue as of D, rendered for the dialect. */
    static List<String> everyStatement(Dialect dialect) throws Exception {
        // with a blueprint and a survey definition, so that every blueprint indicator and table is rendered
        RunContext ctx = RunContext.of(D).withBlueprint(org.haigui.blueprint.BlueprintReader.shanghai())
            .withSurvey(org.haigui.blueprint.SurveyReader.entrepreneurs2021());
        Catalogue catalogue = Catalogue.standard(ctx);
        List<String> out = new ArrayList<>();
        // the blueprint's tables (the store's zone names are read through the recorder: none)
        BlueprintIndicators.createTables(ctx, recorder(out, dialect));
        for (String[] s : BaseTables.statements(D, true)) {
            out.add(dialect.createTemp(s[0], BaseTables.bind(s[1], D)));
        }
        // what the providers run at the start of a run, recorded by a connection that only records
        catalogue.prepare(ctx, recorder(out, dialect));
        // person counts of the same breakdowns, as a run counts them: in one query (IndicatorEngine.personQuery(bd, sqls))
        java.util.Map<List<String>, List<String>> batched = new java.util.LinkedHashMap<>();
        for (IndicatorDefinition d : catalogue.entries()) {
            if (!d.available()) {
                continue;
            }
            for (IndicatorDefinition.TempTable t : d.prepare()) {
                out.add(dialect.createTemp(t.name(), BaseTables.bind(t.sql(), D)));
            }
            String sql = BaseTables.bind(d.sql(), D, dialect);
            out.add(switch (d.kind()) {
                case TIDY -> sql;
                case PERSON_COUNT -> {
                    batched.computeIfAbsent(d.breakdowns(), k -> new ArrayList<>()).add(sql);
                    yield IndicatorEngine.personQuery(d.breakdowns(), sql);
                }
                case ENT_MEDIAN_DIFFERENCE -> sql;
                default -> IndicatorEngine.enterpriseQuery(d, sql, "hg_eb", dialect);
            });
            if (d.periodsSql() != null) {
                out.add(BaseTables.bind(d.periodsSql(), D, dialect));
            }
        }
        batched.forEach((bd, sqls) -> out.add(IndicatorEngine.personQuery(bd, sqls)));
        return out;
    }

    /** A session that records the statements it is given and answers every query with no rows. */
    private static SqlSession recorder(List<String> out, Dialect dialect) {
        return new SqlSession() {
            @Override
            public Dialect dialect() {
                return dialect;
            }

            @Override
            public void execute(String sql) {
                out.add(sql);
            }

            @Override
            public Rows query(String sql) {
                return new Rows() {
                    @Override
                    public boolean next() {
                        return false;
                    }

                    @Override
                    public Set<String> columns() {
                        return Set.of();
                    }

                    @Override
                    public Object getObject(int column) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Object getObject(String label) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public boolean wasNull() {
                        return false;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    @Test
    void everyStatementOfARunParsesInSparkSql() {
        assertThat(statements).hasSizeGreaterThan(60);
        List<String> failures = new ArrayList<>();
        for (String s : statements) {
            try {
                CatalystSqlParser$.MODULE$.parsePlan(s);
            } catch (Exception e) {
                failures.add(e.getMessage().lines().findFirst().orElse("") + "\n  in: " + s.substring(0, Math.min(300, s.length())));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyFunctionCalledExistsInSpark() {
        Pattern call = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
        Pattern alias = Pattern.compile("(?i)\\bAS\\s+$");
        Set<String> missing = new TreeSet<>();
        for (String s : statements) {
            String code = s.replaceAll("'(?:[^']|'')*'", "''");
            Matcher m = call.matcher(code);
            while (m.find()) {
                String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
                if (NOT_FUNCTIONS.contains(name) || alias.matcher(code.substring(Math.max(0, m.start() - 8), m.start())).find()) {
                    continue;
                }
                if (!FunctionRegistry$.MODULE$.builtin().functionExists(new FunctionIdentifier(name))) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("functions Spark SQL does not have").isEmpty();
    }

    @Test
    void nothingDuckDbOnlyIsLeftInTheSparkRendering() {
        for (String s : statements) {
            String code = s.replaceAll("'(?:[^']|'')*'", "''");
            assertThat(code).as(s).doesNotContain("\"").doesNotContain("@").doesNotContainIgnoringCase("date_diff")
                .doesNotContainIgnoringCase("INTERVAL").doesNotContainIgnoringCase("TEMP TABLE").doesNotContainIgnoringCase("WITHIN GROUP")
                .doesNotContain("VARCHAR");
        }
    }

    @Test
    void theParserCatchesWhatSparkCannotRun() {
        assertThatThrownBy(() -> CatalystSqlParser$.MODULE$.parsePlan("CREATE TEMP TABLE x AS SELECT 1"))
            .isInstanceOf(Exception.class);
        assertThat(FunctionRegistry$.MODULE$.builtin().functionExists(new FunctionIdentifier("quantile_cont"))).isFalse();
    }

    @Test
    void theDuckDbRenderingIsWhatTheEngineRuns() throws Exception {
        for (String s : everyStatement(Dialect.DUCKDB)) {
            assertThat(s.replaceAll("'(?:[^']|'')*'", "''")).doesNotContain("@").doesNotContain("`");
        }
        assertThat(Dialect.DUCKDB.render("SELECT @days(x), @str(@id(year)), @replaceAll(a, @re([^\\p{L}]), '')"))
            .isEqualTo("SELECT date_diff('day', DATE '1970-01-01', x), CAST(\"year\" AS VARCHAR), regexp_replace(a, '[^\\p{L}]', '', 'g')");
        assertThat(Dialect.SPARK.render("SELECT @days(x), @str(@id(year)), @replaceAll(a, @re([^\\p{L}]), ''), '@days(y)'"))
            .isEqualTo("SELECT datediff(x, DATE '1970-01-01'), CAST(`year` AS STRING), regexp_replace(a, '[^\\\\p{L}]', ''), '@days(y)'");
    }
}
