package minet.io.terraform.hcl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.io.terraform.hcl.Hcl.Attribute;
import minet.io.terraform.hcl.Hcl.Block;
import minet.io.terraform.hcl.Hcl.Body;

/** The declarations of one Terraform module: its {@code .tf} and {@code .tf.json} files read, by kind and name */
final class ModuleFiles {
    final Path dir;
    final Map<String, Block> variables = new LinkedHashMap<>();
    final Map<String, Attribute> locals = new LinkedHashMap<>();
    /** "type.name" → block, in the order written. */
    final Map<String, Block> resources = new LinkedHashMap<>();
    final Map<String, Block> data = new LinkedHashMap<>();
    final Map<String, Block> modules = new LinkedHashMap<>();
    final Map<String, Block> outputs = new LinkedHashMap<>();

    private ModuleFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * Every {@code *.tf} and {@code *.tf.json} file of a directory, in name order as Terraform reads them (names
     * starting with a dot, editors' files, are left out, as Terraform leaves them out).
     */
    static ModuleFiles ofDirectory(Path dir) throws InputException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> isModuleFile(p) && !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot read the directory: " + e.getMessage());
        }
        if (files.isEmpty()) throw new InputException(dir.toString(), "is a directory with no .tf or .tf.json file in it: give files, or the directory of a Terraform module");
        return of(dir, files);
    }

    /** A file of a module's configuration: {@code .tf} (native syntax) or {@code .tf.json} (JSON syntax). */
    static boolean isModuleFile(Path p) {
        String n = name(p);
        return n.endsWith(".tf") || n.endsWith(".tf.json");
    }

    private static String name(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    static ModuleFiles of(Path dir, List<Path> files) throws InputException {
        ModuleFiles m = new ModuleFiles(dir);
        for (Path f : files) m.add(read(f));
        return m;
    }

    /** One file's syntax (native, or JSON for {@code .tf.json}): UTF-8 text of at most {@link JsonSource#MAX_BYTES}. */
    static Body read(Path f) throws InputException {
        String name = f.toString();
        try {
            if (Files.isDirectory(f)) throw new InputException(name, "is a directory, not a file");
            if (!Files.isRegularFile(f)) throw new InputException(name, "no such file");
            long size = Files.size(f);
            if (size > JsonSource.MAX_BYTES) throw new InputException(name, "file is " + (size >> 20) + " MiB; the limit is " + (JsonSource.MAX_BYTES >> 20) + " MiB");
            byte[] bytes = Files.readAllBytes(f);
            if (name(f).endsWith(".tf.json")) return JsonSyntax.parse(name, bytes);
            return HclParser.parse(name, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
    }

    private void add(Body body) throws InputException {
        for (Attribute a : body.attributes()) {
            throw a.pos().error("'" + a.name() + "' outside any block: a module's files hold blocks (resource, variable, locals …)");
        }
        for (Block b : body.blocks()) {
            switch (b.type()) {
                case "variable": put(variables, b, 1, "variable"); break;
                case "resource": put(resources, b, 2, "resource"); break;
                case "data": put(data, b, 2, "data source"); break;
                case "module": put(modules, b, 1, "module"); break;
                case "output": put(outputs, b, 1, "output"); break;
                case "locals":
                    for (Attribute a : b.body().attributes()) {
                        if (locals.putIfAbsent(a.name(), a) != null) throw a.pos().error("local value '" + a.name() + "' is declared twice");
                    }
                    break;
                default: break; // terraform, provider, moved, import, check …: nothing for the network
            }
        }
    }

    private static void labels(Block b, int labels, String what) throws InputException {
        if (b.labels().size() != labels) {
            throw b.pos().error("a " + what + " block needs " + (labels == 1 ? "a name" : "a type and a name") + ", as in "
                    + (labels == 1 ? b.type() + " \"name\" { … }" : b.type() + " \"azurerm_subnet\" \"name\" { … }"));
        }
    }

    private static void put(Map<String, Block> into, Block b, int labels, String what) throws InputException {
        labels(b, labels, what);
        String key = String.join(".", b.labels());
        if (into.putIfAbsent(key, b) != null) throw b.pos().error(what + " '" + key + "' is declared twice");
    }
}
