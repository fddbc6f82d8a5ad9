package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The lean command tree ({@link Main#tree}: only the subcommand a command line names) behaves as the
 * whole tree: the same usage text for every command and sub-subcommand, the same error and exit code for
 * a wrong option, and the whole tree for anything that names no subcommand.
 */
class CommandTreeTest {

    /** Every command path of the whole tree, as argument lists ({@code [import]}, {@code [batches, undo]}, ...). */
    private static List<List<String>> paths() {
        List<List<String>> out = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }

    private static String[] run(CommandLine cl, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ErrorMapper mapper = new ErrorMapper();
        int code = cl.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).setExecutionExceptionHandler(mapper)
            .setParameterExceptionHandler(mapper).execute(args.toArray(String[]::new));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void everyCommandsHelpAndErrorsAreTheSameInTheLeanTree() {
        List<List<String>> paths = paths();
        assertThat(paths).hasSizeGreaterThan(25); // the twenty commands and their subcommands
        for (List<String> p : paths) {
            CommandLine lean = Main.tree(p.toArray(String[]::new));
            assertThat((Object) lean.getCommand()).as(String.join(" ", p)).isInstanceOf(Main.Lean.class);
            assertThat(lean.getSubcommands()).containsOnlyKeys(p.get(0));
            for (String last : List.of("--help", "--no-such-option")) {
                List<String> args = new ArrayList<>(p);
                args.add(last);
                String[] whole = run(new CommandLine(new Main()), args);
                String[] leanRun = run(Main.tree(args.toArray(String[]::new)), args);
                assertThat(leanRun).as(String.join(" ", args)).containsExactly(whole);
            }
        }
    }

    /**
     * An unknown option is named as such, also where a required parameter is missing too (picocli checks
     * that first); each message says in Chinese too what kind of fault it is.
     */
    @Test
    void anUnknownOptionIsNamedBeforeAMissingParameter() {
        for (List<String> args : List.of(List.of("import", "--no-such"), List.of("import", "--no-such", "dir"))) {
            String[] r = run(new CommandLine(new Main()), args);
            assertThat(r[2]).as(String.join(" ", args)).startsWith("haigui: Unknown option: '--no-such' (未知的选项或多余的参数)")
                .doesNotContain("Missing").contains("Try 'haigui import --help' (查看用法).");
            assertThat(Integer.parseInt(r[0])).as(String.join(" ", args)).isEqualTo(2);
        }
        String[] missing = run(new CommandLine(new Main()), List.of("import"));
        assertThat(missing[2]).startsWith("haigui: Missing required parameter: 'PATH' (缺少必需的参数)");
        String[] value = run(new CommandLine(new Main()), List.of("synth", "--persons", "many"));
        assertThat(value[2]).as("a value picocli cannot convert").contains("'many'").contains("(选项的值有误)");
        assertThat(Integer.parseInt(value[0])).isEqualTo(2);
    }

    @Test
    void anythingThatNamesNoSubcommandGetsTheWholeTree() {
        for (String[] args : List.of(new String[0], new String[] {"--version"}, new String[] {"help", "import"},
            new String[] {"imprt"}, new String[] {"--help"})) {
            assertThat((Object) Main.tree(args).getCommand()).isInstanceOf(Main.class);
        }
        String[] whole = run(new CommandLine(new Main()), List.of("imprt"));
        assertThat(whole[2]).contains("imprt");
        assertThat(Integer.parseInt(whole[0])).isNotZero();
    }
}
