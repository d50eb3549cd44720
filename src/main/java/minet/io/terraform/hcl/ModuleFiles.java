package minet.io.terraform.hcl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.io.terraform.hcl.Hcl.Attribute;
import minet.io.terraform.hcl.Hcl.Block;
import minet.io.terraform.hcl.Hcl.Body;

/** The declarations of one Terraform module: its {@code .tf} and {@code .tf.json} files read, by kind and name, overrides merged. */
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

    /** {@code override.tf}, {@code *_override.tf} and their {@code .tf.json} forms. */
    static boolean isOverride(Path p) {
        String n = name(p);
        String base = n.endsWith(".tf.json") ? n.substring(0, n.length() - 8) : n.endsWith(".tf") ? n.substring(0, n.length() - 3) : null;
        return base != null && (base.equals("override") || base.endsWith("_override"));
    }

    private static String name(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** The files' declarations, the override files merged into them last, in name order (Terraform's rule). */
    static ModuleFiles of(Path dir, List<Path> files) throws InputException {
        ModuleFiles m = new ModuleFiles(dir);
        List<Path> overrides = new ArrayList<>();
        for (Path f : files) {
            if (isOverride(f)) overrides.add(f);
            else m.add(read(f));
        }
        overrides.sort(Comparator.comparing(p -> String.valueOf(p.getFileName())));
        for (Path f : overrides) m.override(read(f));
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
        onlyBlocks(body);
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

    private static void onlyBlocks(Body body) throws InputException {
        for (Attribute a : body.attributes()) {
            throw a.pos().error("'" + a.name() + "' outside any block: a module's files hold blocks (resource, variable, locals …)");
        }
    }

    /**
     * An override file merged as Terraform merges it: each block changes the block of the same header declared in the
     * other files (one that matches no declaration is an error at its place), local values replace those of their name.
     */
    private void override(Body body) throws InputException {
        onlyBlocks(body);
        for (Block b : body.blocks()) {
            switch (b.type()) {
                case "variable": merge(variables, b, 1, "variable"); break;
                case "resource": merge(resources, b, 2, "resource"); break;
                case "data": merge(data, b, 2, "data source"); break;
                case "module": merge(modules, b, 1, "module"); break;
                case "output": merge(outputs, b, 1, "output"); break;
                case "locals":
                    for (Attribute a : b.body().attributes()) {
                        if (!locals.containsKey(a.name())) throw a.pos().error("this override file overrides local value '" + a.name() + "', which no other file declares");
                        locals.put(a.name(), a);
                    }
                    break;
                default: break;
            }
        }
    }

    private static void merge(Map<String, Block> into, Block o, int labels, String what) throws InputException {
        labels(o, labels, what);
        String key = String.join(".", o.labels());
        Block base = into.get(key);
        if (base == null) throw o.pos().error("this override file overrides " + what + " '" + key + "', which no other file declares");
        Attribute dependsOn = o.body().attribute("depends_on");
        if (dependsOn != null && !what.equals("variable")) throw dependsOn.pos().error("depends_on cannot be overridden (Terraform refuses it)");
        into.put(key, new Block(base.type(), base.labels(), merge(base.body(), o.body()), base.pos()));
    }

    /**
     * Terraform's merge of two bodies, one level deep: an override's argument replaces the original's of that name;
     * its nested blocks of a type (a dynamic block counts as the type it makes) replace all the original's of that
     * type, which are not merged with them. An argument and blocks of one name (azurerm's security_rule, route and
     * subnet may be written either way) replace each other. (Terraform merges a resource's lifecycle block argument
     * by argument; the import does not read it.)
     */
    static Body merge(Body base, Body over) {
        Set<String> replaced = new HashSet<>();
        for (Attribute a : over.attributes()) replaced.add(a.name());
        for (Block b : over.blocks()) replaced.add(madeType(b));
        List<Attribute> attributes = new ArrayList<>();
        for (Attribute a : base.attributes()) {
            Attribute o = over.attribute(a.name());
            if (o != null) attributes.add(o);
            else if (!replaced.contains(a.name())) attributes.add(a);
        }
        for (Attribute o : over.attributes()) if (base.attribute(o.name()) == null) attributes.add(o);
        List<Block> blocks = new ArrayList<>();
        for (Block b : base.blocks()) if (!replaced.contains(madeType(b))) blocks.add(b);
        blocks.addAll(over.blocks());
        return new Body(attributes, blocks);
    }

    /** The type of the blocks a block makes: its own, or for {@code dynamic "x"}, x. */
    private static String madeType(Block b) {
        return b.type().equals("dynamic") && b.label(0) != null ? b.label(0) : b.type();
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
