package minet.io.terraform.hcl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import minet.io.InputException;
import minet.io.terraform.TerraformImporter;
import minet.io.terraform.hcl.Hcl.Pos;
import minet.model.ImportNote;

/** What one import of a module shares across its module instances: the evaluator, notes, resources read, what is being evaluated. */
final class HclImport {
    final Path rootDir;
    final Evaluator ev;
    final List<ImportNote> notes = new ArrayList<>();
    private final Set<String> noted = new HashSet<>();
    final List<TerraformImporter.Resource> resources = new ArrayList<>();
    private final LinkedHashSet<String> evaluating = new LinkedHashSet<>();
    private final Map<Path, ModuleFiles> modules = new HashMap<>();

    HclImport(Path rootDir) {
        this.rootDir = rootDir;
        this.ev = new Evaluator(new Functions(c -> note("IMPORT-FUNCTION", "warning", c.name() + "()", "function " + c.name()
                + "() is not evaluated offline (it reads files, the clock or Azure, or hashes): " + c.text() + " is shown as {"
                + c.text() + "}", c.pos())));
    }

    void note(String ruleId, String severity, String resource, String message, Pos at) {
        if (noted.add(ruleId + "\u0000" + message)) notes.add(new ImportNote(ruleId, severity, resource, message, at == null ? null : at.source()));
    }

    /** Marks {@code what} as being evaluated; a second entry before it is done is a cycle. */
    void enter(String what, Pos pos) {
        if (!evaluating.add(what)) {
            List<String> chain = new ArrayList<>();
            boolean in = false;
            for (String s : evaluating) {
                in |= s.equals(what);
                if (in) chain.add(s);
            }
            chain.add(what);
            throw new EvalException(pos, "a cycle: " + String.join(" → ", chain) + " (each needs the next to be known first)");
        }
    }

    void exit(String what) { evaluating.remove(what); }

    /** A local module's files, read once however often it is called. */
    ModuleFiles files(Path dir, Pos from) throws InputException {
        ModuleFiles m = modules.get(dir);
        if (m == null) {
            if (!Files.isDirectory(dir)) throw new InputException(dir.toString(), "the module's source is not a directory");
            m = ModuleFiles.ofDirectory(dir);
            modules.put(dir, m);
        }
        return m;
    }
}
