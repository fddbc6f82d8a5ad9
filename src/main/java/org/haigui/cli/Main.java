package org.haigui.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code haigui} command. */
@Command(name = "haigui", mixinStandardHelpOptions = true, version = "haigui 0.1.0",
    description = "Haigui Observatory: returnee records in, indicators and reports out.",
    subcommands = {
        ImportCommand.class,
        StatusCommand.class,
        SchemaCommand.class,
        DocsCommand.class,
        SynthCommand.class,
        DemoCommand.class,
        BenchCommand.class,
        IndicatorsCommand.class,
        ExportCommand.class,
        ReportCommand.class,
        BatchesCommand.class,
        DeleteCommand.class,
        HistoryCommand.class,
        InstitutionsCommand.class,
        TiesCommand.class,
        BlueprintCommand.class,
        DisclosureCommand.class,
        ServeCommand.class,
        UserCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and returns its exit code (used by tests with their own writers). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        ErrorMapper mapper = new ErrorMapper();
        CommandLine cl = new CommandLine(new Main())
            .setOut(out)
            .setErr(err)
            .setExecutionExceptionHandler(mapper)
            .setParameterExceptionHandler(mapper);
        return cl.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        java.util.Optional<String> missing = NativeLibrary.problem();
        if (missing.isPresent()) {
            err.println("haigui: " + missing.get());
            err.flush();
            System.exit(ErrorMapper.INTERNAL);
        }
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
