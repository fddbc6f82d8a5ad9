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

    /**
     * The top command without its subcommands: a command line that names one (its first argument) gets
     * that one alone. picocli builds the model of every command it is given (reflection over their
     * options, and the interpolation of every description, in both languages): all twenty took about
     * 200-240 ms of a cold start and 20-40 ms warm, one 1-8 ms (measured on the 2-core machine), and in a
     * process that runs many command lines (the tests, the benchmarks) that model-building was hot
     * enough for the optimising compiler to spend most of a second on it. Anything else (no argument,
     * an option, {@code help}, a name that is no command) gets the whole tree, so usage, suggestions
     * and errors are as before.
     */
    @Command(name = "haigui", mixinStandardHelpOptions = true, version = "haigui 0.1.0")
    static final class Lean implements Runnable {

        @Override
        public void run() {
            // never run: the lean tree is only built when a subcommand is named
        }
    }

    /** The subcommands by name, from Main's own annotation (the one list), help left out. */
    private static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.HashMap<>();
        for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
            Command sub = c.getAnnotation(Command.class);
            if (sub != null && c != CommandLine.HelpCommand.class) {
                m.put(sub.name(), c);
            }
        }
        return java.util.Map.copyOf(m);
    }

    /** The command tree for a command line: the lean one when its first argument names a subcommand. */
    static CommandLine tree(String... args) {
        Class<?> sub = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        return sub == null ? new CommandLine(new Main()) : new CommandLine(new Lean()).addSubcommand(sub);
    }

    /** Runs a command line and returns its exit code (used by tests with their own writers). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        ErrorMapper mapper = new ErrorMapper();
        CommandLine cl = tree(args)
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
