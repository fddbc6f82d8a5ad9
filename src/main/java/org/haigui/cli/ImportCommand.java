package org.haigui.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import CSV files, directories of CSV files, or .xlsx workbooks into the store.")
final class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A directory of <table>.csv files, a CSV file, or an .xlsx workbook.")
    List<Path> paths;

    @Option(names = "--db", paramLabel = "FILE", description = "Database file (default: $HAIGUI_DB or ./haigui.duckdb).")
    Path db;

    @Option(names = "--encoding", paramLabel = "UTF-8|GB18030", defaultValue = "UTF-8", description = "Encoding of CSV input (default UTF-8).")
    String encoding;

    @Option(names = "--dry-run", description = "Check everything and write the rejected-rows files, but change nothing in the store.")
    boolean dryRun;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("import is being built");
    }
}
