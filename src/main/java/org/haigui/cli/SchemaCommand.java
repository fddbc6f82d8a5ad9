package org.haigui.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.ingest.Templates;
import org.haigui.schema.SchemaDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Print the import format (Markdown, generated from the schema), or write empty templates.")
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--templates", paramLabel = "DIR", description = "Write <table>.csv templates and template.xlsx into DIR.")
    Path templates;

    @Option(names = "--chinese", description = "Templates with the Chinese headers and sheet names.")
    boolean chinese;

    @Option(names = "--force", description = "Overwrite template files that exist in DIR (without it, nothing is overwritten).")
    boolean force;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (templates == null) {
            out.print(SchemaDoc.markdown());
        } else {
            Outputs.checkInFolder(Templates.files(templates), force, "--templates");
            try {
                for (Path p : Templates.write(templates, chinese)) {
                    out.println(p);
                }
            } catch (java.io.IOException e) {
                throw HaiguiException.input("cannot write templates to " + templates + ": " + e.getMessage(), e);
            }
        }
        out.flush();
        return ErrorMapper.OK;
    }
}
