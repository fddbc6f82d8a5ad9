package org.haigui.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyReader;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.CatalogueDoc;
import org.haigui.indicators.RunContext;
import org.haigui.schema.SchemaDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes the reference documents generated from the program: the import format (from the schema)
 * and the indicator catalogue (from the catalogue, for the built-in Shanghai blueprint and the
 * entrepreneurs2021 survey, so that every indicator is there). The repository's {@code docs/}
 * holds their current output; a test fails when they are stale.
 */
@Command(name = "docs", mixinStandardHelpOptions = true,
    description = "Write the reference documents generated from the schema and the indicator catalogue "
        + "(data-format.md, indicators.md) into a folder. 生成导入格式与指标目录文档。")
final class DocsCommand implements Callable<Integer> {

    /** The as-of date the catalogue is described at (its texts do not depend on it). */
    static final LocalDate DESCRIBED_AS_OF = LocalDate.of(2021, 12, 31);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs", description = "Folder to write into (default: docs).")
    Path out;

    @Option(names = "--force", description = "Overwrite the documents if they exist.")
    boolean force;

    /** File name -> content of every generated document. */
    static Map<String, String> documents() {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("data-format.md", "# Import format 导入格式\n\nGenerated from the program's schema (`haigui docs`, the same text as "
            + "`haigui schema`); do not edit by hand. 本文件由程序的表结构生成，请勿手工修改。\n\n" + SchemaDoc.markdown());
        RunContext ctx = RunContext.of(DESCRIBED_AS_OF).withBlueprint(BlueprintReader.shanghai())
            .withSurvey(SurveyReader.entrepreneurs2021());
        docs.put("indicators.md", CatalogueDoc.markdown(Catalogue.standard(ctx)));
        return docs;
    }

    @picocli.CommandLine.Mixin
    LangFlag lang = new LangFlag();

    @Override
    public Integer call() {
        org.haigui.labels.Language l = lang.language();
        Map<String, String> docs = documents();
        List<Path> files = docs.keySet().stream().map(out::resolve).toList();
        Outputs.check(files, force, "--out");
        try {
            Files.createDirectories(out);
            for (Map.Entry<String, String> e : docs.entrySet()) {
                Files.writeString(out.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
                spec.commandLine().getOut().println(out.resolve(e.getKey()));
            }
        } catch (IOException e) {
            throw HaiguiException.input("cannot write the documents to " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println(l.pick("已写入 " + docs.size() + " 份文档（导入格式、指标目录）到 " + out,
            docs.size() + " documents (import format, indicator catalogue) written to " + out));
        spec.commandLine().getOut().flush();
        return ErrorMapper.OK;
    }
}
