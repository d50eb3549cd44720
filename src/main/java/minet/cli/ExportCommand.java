package minet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import minet.io.AtomicFiles;
import minet.io.InputException;
import minet.io.export.ExportFormat;
import minet.io.export.Unresolved;
import minet.model.Design;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code minet export FILE… --to FORMAT[,FORMAT…] [-o DIR]}: writes the design's NSGs, route tables and subnet
 * associations as code. Without {@code -o} the text goes to stdout; with it, each format to its own file, atomically.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the NSGs, route tables and subnet associations of a design as code.",
                "Formats: arm, bicep, terraform, azcli, powershell, csv, markdown (several with commas or repeated --to)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported", "2:input unusable, a value not known offline (give its --param), output not writable or a usage error"})
public final class ExportCommand implements Callable<Integer> {

    @Mixin InputOptions input;

    @Option(names = "--to", required = true, split = ",", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "arm, bicep, terraform, azcli, powershell, csv or markdown.")
    List<ExportFormat> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Directory to write nsg-and-routes.<ext> into (created if missing); without it, print to stdout.")
    Path outputDir;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    static final class FormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override public ExportFormat convert(String value) {
            try {
                return ExportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design design;
        try {
            design = input.load();
        } catch (InputException e) {
            return Problems.unusable(spec, e);
        }
        // A name or prefix still holding an unknown ({managedInstanceName}) would be refused by Azure: say which, write nothing.
        List<Unresolved.Value> unresolved = Unresolved.inExport(design);
        if (!unresolved.isEmpty()) {
            err.println("minet export: " + Unresolved.report(unresolved));
            return Cli.UNUSABLE;
        }
        // Render every format before writing any, so a value no format can carry leaves no partial output.
        Map<ExportFormat, String> texts = new LinkedHashMap<>();
        try {
            for (ExportFormat f : new LinkedHashSet<>(formats)) texts.put(f, f.exporter().export(design));
        } catch (IllegalArgumentException e) {
            err.println("minet export: " + ReportWriter.printable(e.getMessage()));
            return Cli.UNUSABLE;
        }
        if (outputDir == null) {
            for (Map.Entry<ExportFormat, String> t : texts.entrySet()) {
                // Several formats on stdout are told apart by a header line, as head(1) does for several files.
                if (texts.size() > 1) out.println("==> " + t.getKey().fileName() + " <==");
                out.print(t.getValue());
            }
            out.flush();
            return Cli.OK;
        }
        // Every format is staged in full before any file is replaced: a failure leaves all the old files as they were.
        List<AtomicFiles.Output> outputs = new ArrayList<>();
        for (Map.Entry<ExportFormat, String> t : texts.entrySet()) {
            outputs.add(new AtomicFiles.Output(outputDir.resolve(t.getKey().fileName()), t.getValue(), t.getKey().executable()));
        }
        try {
            AtomicFiles.writeAll(outputs);
        } catch (IOException e) {
            return Problems.cannotWrite(spec, failed(e, outputs), e);
        }
        for (AtomicFiles.Output o : outputs) out.println(ReportWriter.printable(o.target().toString()));
        out.flush();
        return Cli.OK;
    }

    /** The output an error is about (the one whose path it names), else the first. */
    private static Path failed(IOException e, List<AtomicFiles.Output> outputs) {
        String file = e instanceof java.nio.file.FileSystemException f ? f.getFile() : null;
        for (AtomicFiles.Output o : outputs) {
            if (file != null && Path.of(file).toAbsolutePath().equals(o.target().toAbsolutePath())) return o.target();
        }
        return outputs.get(0).target();
    }
}
