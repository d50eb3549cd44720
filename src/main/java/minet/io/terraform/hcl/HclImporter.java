package minet.io.terraform.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.io.JsonSource;
import minet.io.terraform.TerraformImporter;
import minet.io.terraform.hcl.Hcl.Attribute;
import minet.io.terraform.hcl.Hcl.Block;
import minet.io.terraform.hcl.Hcl.Body;
import minet.io.terraform.hcl.Hcl.Expr;
import minet.io.terraform.hcl.Hcl.Pos;
import minet.model.Design;
import minet.model.DesignState;

/**
 * Reads a Terraform module as written (a directory, or its {@code .tf} and {@code .tf.json} files, override files
 * merged) without Terraform: variables get their values as Terraform gives them, the module is evaluated (locals,
 * count, for_each, dynamic blocks, local child modules with their inputs and outputs) and its azurerm resources are
 * mapped as the {@code terraform show -json} importer maps a plan's. A module as written is a desired state. What only Azure knows (data sources, registry
 * and git modules, attributes computed at apply) is unknown and named in an import note.
 *
 * <p>Variable values, lowest first (Terraform's order): a variable's default, {@code TF_VAR_name} in the environment,
 * {@code terraform.tfvars}, {@code terraform.tfvars.json}, {@code *.auto.tfvars} and {@code *.auto.tfvars.json} in
 * name order, then {@code .tfvars} files given as inputs, then {@code --var} and {@code --var-file} in the order given.
 */
public final class HclImporter {
    private HclImporter() {}

    /**
     * True for what this importer reads: a directory (a module), a {@code .tf} or {@code .tf.json} file or a variables
     * file. Told by name, as Terraform tells them: {@code plan.json} (terraform show -json) is not a module file.
     */
    public static boolean handles(Path p) {
        return Files.isDirectory(p) || ModuleFiles.isModuleFile(p) || isVarFile(p);
    }

    private static boolean isVarFile(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tfvars") || n.endsWith(".tfvars.json");
    }

    public static Design load(List<Path> inputs, ImportOptions options) throws InputException {
        return load(inputs, options, System.getenv());
    }

    /** @param environment where {@code TF_VAR_name} values are read from */
    public static Design load(List<Path> inputs, ImportOptions options, Map<String, String> environment) throws InputException {
        Path dir = null;
        List<Path> tfFiles = new ArrayList<>();
        List<Path> varFiles = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                if (dir != null || !tfFiles.isEmpty()) throw new InputException(p.toString(), "give one Terraform module (a directory or its .tf and .tf.json files) at a time");
                dir = p;
            } else if (isVarFile(p)) {
                varFiles.add(p);
            } else {
                if (dir != null) throw new InputException(p.toString(), "give one Terraform module (a directory or its .tf and .tf.json files) at a time");
                tfFiles.add(p);
            }
        }
        if (dir == null && tfFiles.isEmpty()) throw new InputException(inputs.get(0).toString(), "a variables file needs its module: give the module's directory or its .tf and .tf.json files too");
        Path root = dir != null ? dir : parent(tfFiles.get(0));
        try {
            ModuleFiles files = dir != null ? ModuleFiles.ofDirectory(dir) : ModuleFiles.of(root, tfFiles);
            HclImport cx = new HclImport(root);
            Map<String, Object> values = new HashMap<>();
            Map<String, Pos> places = new HashMap<>();
            Variables vars = new Variables(cx, files, values, places);
            vars.environment(environment);
            vars.file(root.resolve("terraform.tfvars"), false);
            vars.file(root.resolve("terraform.tfvars.json"), false);
            for (Path auto : autoFiles(root)) vars.file(auto, false);
            for (Path f : varFiles) vars.file(f, true);
            for (ImportOptions.TerraformVar v : options.terraformVars()) {
                if (v.file() != null) vars.file(v.file(), true);
                else vars.assign(v.name(), v.value());
            }
            ModuleInstance module = new ModuleInstance(cx, files, "", values, places);
            module.evaluateAll();
            String name = (root.toAbsolutePath().normalize().getFileName() == null ? "module" : root.toAbsolutePath().normalize().getFileName().toString());
            Design d = TerraformImporter.fromResources(cx.resources, cx.notes, name, DesignState.DESIRED);
            if (d == null) {
                throw new InputException(root.toString(), "no azurerm virtual network, subnet, network security group, route table "
                        + "or SQL managed instance in this Terraform module");
            }
            return d;
        } catch (EvalException e) {
            throw e.toInput();
        } catch (StackOverflowError e) {
            throw new InputException(root.toString(), "expressions are nested too deeply, or a chain of references is too long, to evaluate");
        }
    }

    private static Path parent(Path f) {
        return f.getParent() == null ? Path.of(".") : f.getParent();
    }

    private static List<Path> autoFiles(Path dir) throws InputException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".auto.tfvars") || n.endsWith(".auto.tfvars.json");
            }).sorted().forEach(out::add);
        } catch (java.io.IOException e) {
            throw new InputException(dir.toString(), "cannot read the directory: " + e.getMessage());
        }
        return out;
    }

    /** The root module's variable values, source after source; a later one wins. */
    private static final class Variables {
        private final HclImport cx;
        private final ModuleFiles files;
        private final Map<String, Object> values;
        private final Map<String, Pos> places;

        Variables(HclImport cx, ModuleFiles files, Map<String, Object> values, Map<String, Pos> places) {
            this.cx = cx;
            this.files = files;
            this.values = values;
            this.places = places;
        }

        void environment(Map<String, String> env) throws InputException {
            for (String name : files.variables.keySet()) {
                String raw = env.get("TF_VAR_" + name);
                if (raw != null) set(name, raw(name, raw, "TF_VAR_" + name), new Pos("TF_VAR_" + name, 0, 0));
            }
        }

        void assign(String name, String raw) throws InputException {
            if (!files.variables.containsKey(name)) {
                throw new InputException("--var " + name, "the module declares no variable '" + name + "'");
            }
            set(name, raw(name, raw, "--var " + name), new Pos("--var " + name, 0, 0));
        }

        /** A .tfvars (HCL) or .tfvars.json file; {@code required}: given by the user, so it must exist. */
        void file(Path f, boolean required) throws InputException {
            if (!Files.isRegularFile(f)) {
                if (required) throw new InputException(f.toString(), "no such variables file");
                return;
            }
            if (f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                JsonSource src = JsonSource.read(f);
                JsonNode root = src.root();
                if (!root.isObject()) throw src.error("", "a .tfvars.json file holds one object: {\"name\": value, …}");
                for (var it = root.fields(); it.hasNext(); ) {
                    var e = it.next();
                    String ptr = "/" + JsonSource.escape(e.getKey());
                    Pos at = new Pos(f.toString(), src.line(ptr), src.column(ptr));
                    if (declared(e.getKey(), at)) set(e.getKey(), Functions.fromJson(e.getValue()), at);
                }
                return;
            }
            Body body = ModuleFiles.read(f);
            if (!body.blocks().isEmpty()) {
                Block b = body.blocks().get(0);
                throw b.pos().error("a variables file holds only name = value lines, not blocks");
            }
            for (Attribute a : body.attributes()) {
                if (declared(a.name(), a.pos())) set(a.name(), constant(a.expr()), a.pos());
            }
        }

        private boolean declared(String name, Pos at) {
            if (files.variables.containsKey(name)) return true;
            cx.note("IMPORT-PARAMETER", "info", "var." + name, "a value is given for '" + name + "', which the module does not declare: it is ignored", at);
            return false;
        }

        /** A value given as text: a primitive variable takes it as written, another parses it as HCL (Terraform's rule). */
        private Object raw(String name, String raw, String where) throws InputException {
            Attribute type = files.variables.get(name).body().attribute("type");
            if (Types.primitive(type == null ? null : type.expr())) return raw;
            return constant(HclParser.value(where, raw));
        }

        private Object constant(Expr e) {
            return cx.ev.eval(e, Evaluator.Env.of((n, p) -> null));
        }

        private void set(String name, Object value, Pos at) {
            values.put(name, value);
            places.put(name, at);
        }
    }
}
