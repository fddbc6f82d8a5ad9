package org.haigui.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.core.SpreadsheetCells;
import org.haigui.labels.Language;
import org.haigui.store.Store;
import org.haigui.ties.InstitutionRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "institutions", mixinStandardHelpOptions = true,
    description = "The institution registry: world universities, aliases, and your own institutions.",
    subcommands = {InstitutionsCommand.Import.class, InstitutionsCommand.Unmatched.class})
final class InstitutionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
        description = "Add aliases and institutions (employers, labs) from a CSV with the columns "
            + "institution_id,name,country,aliases,kind (aliases separated by ';').")
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1", paramLabel = "FILE", description = "CSV file (UTF-8 unless --encoding).")
        Path file;

        @Option(names = "--encoding", paramLabel = "UTF-8|GB18030", defaultValue = "UTF-8",
            description = "Encoding of the CSV file (default UTF-8; GBK and GB2312 are read as GB18030).")
        String encoding;

        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() {
            Language l = lang.language();
            java.nio.charset.Charset cs = Encodings.parse(encoding);
            InstitutionRegistry.ImportResult r;
            long[] size;
            try (Store store = Store.open(Store.resolve(db))) {
                r = InstitutionRegistry.importCsv(store.writer(), file, cs);
                size = InstitutionRegistry.size(store.writer());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(l.pick(String.format(Locale.ROOT, "%s：读入 %d 行，新增机构 %d 个，新增别名 %d 个，拒绝 %d 行",
                    file.getFileName(), r.rowsRead(), r.institutionsAdded(), r.aliasesAdded(), r.rejected().size()),
                String.format(Locale.ROOT, "%s: %d rows read, %d institutions added, %d aliases added, %d rows rejected",
                    file.getFileName(), r.rowsRead(), r.institutionsAdded(), r.aliasesAdded(), r.rejected().size())));
            out.println(l.pick(String.format(Locale.ROOT, "机构库：机构 %d 个，别名 %d 个", size[0], size[1]),
                String.format(Locale.ROOT, "registry: %d institutions, %d aliases", size[0], size[1])));
            for (String w : r.warnings()) {
                out.println(l.pick("警告：", "warning: ") + w);
            }
            for (String x : r.rejected()) {
                out.println(l.pick("拒绝：", "rejected: ") + x);
            }
            out.flush();
            return r.rejected().isEmpty() ? ErrorMapper.OK : ErrorMapper.SOME_REJECTED;
        }
    }

    @Command(name = "unmatched", mixinStandardHelpOptions = true,
        description = "Institution names in the episodes that match no registry name or alias, most frequent first, "
            + "with the closest registry candidates (suggestions only: confirm them with 'institutions import').")
    static final class Unmatched implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
        Path db;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Names to list (default 50).")
        int limit;

        @Option(names = "--candidates", paramLabel = "K", defaultValue = "3", description = "Candidates per name (default 3).")
        int candidates;

        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the candidates as a CSV that "
            + "'institutions import' reads: keep the rows you confirm, delete the others.")
        Path csv;

        @Option(names = "--force", description = "Overwrite the --csv file if it exists.")
        boolean force;

        @picocli.CommandLine.Mixin
        LangFlag lang = new LangFlag();

        @Override
        public Integer call() throws Exception {
            Language l = lang.language();
            if (csv != null) {
                Outputs.check(csv, force, "--csv");
            }
            if (limit < 0 || candidates < 0) {
                throw HaiguiException.usage("--limit and --candidates must not be negative");
            }
            List<InstitutionRegistry.Unmatched> rows;
            try (Store store = TiesCommand.openForReadingTies(Store.resolve(db)); java.sql.Connection reader = store.reader()) {
                rows = InstitutionRegistry.unmatched(reader, limit, candidates);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (rows.isEmpty()) {
                out.println(l.pick("海外经历中的机构名称都与机构库匹配", "every institution name in the episodes matches the registry"));
            } else {
                out.println(l.pick("经历数    未匹配的机构名称（原文）", "episodes  institution name as written"));
                out.println(l.pick("          相似度  机构库候选  [编号, 国家]", "          similarity  registry candidate  [id, country]"));
            }
            for (InstitutionRegistry.Unmatched u : rows) {
                out.printf(Locale.ROOT, "%8d  %s%n", u.episodes(), u.name());
                for (InstitutionRegistry.Candidate c : u.candidates()) {
                    out.printf(Locale.ROOT, "          %.3f  %s  [%s%s]%n", c.similarity(), c.name(), c.institutionId(),
                        c.country() == null ? "" : ", " + c.country());
                }
            }
            if (csv != null) {
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                     CsvWriter cw = CsvWriter.builder().build(w)) {
                    cw.writeRecord("institution_id", "name", "country", "aliases", "similarity", "episodes");
                    for (InstitutionRegistry.Unmatched u : rows) {
                        for (InstitutionRegistry.Candidate c : u.candidates()) {
                            // cells a spreadsheet would run as formulas get a leading apostrophe (import removes it)
                            cw.writeRecord(SpreadsheetCells.neutralise(c.institutionId()), SpreadsheetCells.neutralise(c.name()),
                                c.country() == null ? "" : SpreadsheetCells.neutralise(c.country()), SpreadsheetCells.neutralise(u.name()),
                                String.format(Locale.ROOT, "%.3f", c.similarity()), Long.toString(u.episodes()));
                        }
                    }
                }
                out.println(l.pick("候选已写入 " + csv + "（保留确认的行，然后运行：haigui institutions import " + csv + "）",
                    "candidates written to " + csv + " (keep the rows you confirm, then: haigui institutions import " + csv + ")"));
            }
            out.flush();
            return ErrorMapper.OK;
        }
    }
}
