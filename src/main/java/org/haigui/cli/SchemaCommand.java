package org.haigui.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.haigui.core.HaiguiException;
import org.haigui.ingest.Templates;
import org.haigui.schema.SchemaDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Print the import format (Markdown, generated from the schema, in Chinese and English), or write empty templates.")
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--templates", paramLabel = "DIR", description = "Write <table>.csv templates and template.xlsx into DIR.")
    Path templates;

    @Option(names = "--chinese", description = "Templates with the Chinese headers and sheet names.")
    boolean chinese;

    @Option(names = "--force", description = "Overwrite template files that exist in DIR (without it, nothing is overwritten).")
    boolean force;

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() {
        org.haigui.labels.Language l = lang.language();
        var out = spec.commandLine().getOut();
        if (templates == null) {
            out.print(SchemaDoc.markdown());
        } else {
            Outputs.checkInFolder(Templates.files(templates), force, "--templates");
            try {
                List<Path> written = Templates.write(templates, chinese);
                for (Path p : written) {
                    out.println(p);
                }
                out.println(l.pick("已写入 " + written.size() + " 个模板文件到 " + templates + "；填好后运行：haigui import " + templates,
                    written.size() + " template files written to " + templates + "; fill them in, then: haigui import " + templates));
            } catch (java.io.IOException e) {
                throw HaiguiException.input("cannot write templates to " + templates + ": " + e.getMessage(), e);
            }
        }
        out.flush();
        return ErrorMapper.OK;
    }
}
