package minet.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import minet.io.arm.ArmImporter;
import minet.io.azcli.AzCliImporter;
import minet.io.terraform.TerraformImporter;
import minet.io.terraform.hcl.HclImporter;
import minet.model.Design;

/**
 * One entry point for every input: detects each file's format and reads it. Several az CLI files merge into one
 * design by resource ID; a design file or a template stands alone (ARM templates may bring linked templates). A
 * directory, {@code .tf}, {@code .tf.json} and {@code .tfvars} files are a Terraform module as written (told by name, as
 * Terraform does: {@code plan.json} from terraform show -json is a plan). A
 * {@code .bicep} file is compiled to its ARM template first ({@link Bicep}).
 */
public final class Importer {
    private Importer() {}

    public static Design load(List<Path> files, ImportOptions options) throws InputException {
        if (files.isEmpty()) throw new InputException(null, "no input file given");
        if (files.stream().anyMatch(HclImporter::handles)) return terraformModule(files, options);
        if (files.stream().noneMatch(Bicep::is)) return read(readAll(files), options);
        List<JsonSource> sources = new ArrayList<>();
        List<Bicep> bicep = new ArrayList<>();
        for (Path f : files) {
            if (Bicep.is(f)) { // compiled to an ARM template by the Bicep CLI
                Bicep b = Bicep.compile(f);
                bicep.add(b);
                sources.add(b.template());
            } else {
                sources.add(JsonSource.read(f));
            }
        }
        try {
            Design d = read(sources, options);
            for (Bicep b : bicep) d = b.remap(d);
            return d;
        } catch (InputException e) {
            for (Bicep b : bicep) e = b.remap(e);
            throw e;
        }
    }

    private static Design read(List<JsonSource> sources, ImportOptions options) throws InputException {
        Format first = Format.detect(sources.get(0).root());
        for (JsonSource s : sources) {
            Format f = Format.detect(s.root());
            if (f != first && !(first == Format.ARM && f == Format.ARM)) {
                throw new InputException(s.file(), "is " + describe(f) + " but " + sources.get(0).file() + " is "
                        + describe(first) + "; give files of one format at a time");
            }
        }
        switch (first) {
            case DESIGN:
                if (sources.size() > 1) throw new InputException(sources.get(1).file(), "only one design file at a time");
                return DesignFile.fromSource(sources.get(0));
            case ARM:
                return ArmImporter.load(sources, options);
            case TERRAFORM:
                return TerraformImporter.load(sources);
            default:
                return AzCliImporter.load(sources);
        }
    }

    /** A Terraform module as written: its directory or its .tf and .tf.json files, with .tfvars files if given. */
    private static Design terraformModule(List<Path> files, ImportOptions options) throws InputException {
        for (Path f : files) {
            if (!HclImporter.handles(f)) {
                throw new InputException(f.toString(), "is not part of a Terraform module, but " + files.get(0)
                        + " is; give files of one format at a time");
            }
        }
        return HclImporter.load(files, options);
    }

    /**
     * Reads the files, several at once when there are several (the pages of an {@code az graph query}, many az CLI
     * files): parsing is most of an estate's import. The first unreadable file in the given order is the error.
     */
    private static List<JsonSource> readAll(List<Path> files) throws InputException {
        if (files.size() == 1) return List.of(JsonSource.read(files.get(0)));
        Object[] read = new Object[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                read[i] = JsonSource.read(files.get(i));
            } catch (InputException e) {
                read[i] = e;
            }
        });
        List<JsonSource> out = new ArrayList<>();
        for (Object o : read) {
            if (o instanceof InputException e) throw e;
            out.add((JsonSource) o);
        }
        return out;
    }

    public static Design load(Path file) throws InputException {
        return load(List.of(file), ImportOptions.NONE);
    }

    public static String describe(Format f) {
        switch (f) {
            case DESIGN: return "a design file";
            case ARM: return "an ARM template";
            case TERRAFORM: return "Terraform JSON";
            default: return "az CLI JSON";
        }
    }
}
