package minet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The UI's packages form no import circle: each feature (shell, canvas, properties, validation …) may use the
 * shared ones below it, never the other way round. Reads the compiled classes' constant pools (every class a class
 * names is there), so it sees what the compiler saw, including fully qualified names in code.
 */
class PackageCyclesTest {
    private static final Pattern UI_CLASS = Pattern.compile("minet/ui/((?:[a-z][a-z0-9_]*/)*)[A-Z][A-Za-z0-9_$]*");

    @Test void theUiPackagesHaveNoCycle() throws Exception {
        Path classes = Path.of(Theme.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> uses = packageGraph(classes.resolve("minet/ui"));
        assertThat(uses).as("compiled UI packages").containsKeys("minet.ui.shell", "minet.ui.canvas", "minet.ui.dialogs");
        assertThat(cycles(uses)).as("package cycles (each line: packages that use each other in a circle)").isEmpty();
    }

    @Test void aCycleIsFound() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c"));
        g.put("c", Set.of("a"));
        g.put("d", Set.of("a"));
        assertThat(cycles(g)).containsExactly(List.of("a", "b", "c"));
        g.put("c", Set.of());
        assertThat(cycles(g)).isEmpty();
    }

    /** Package → the other minet.ui packages its classes name. */
    static Map<String, Set<String>> packageGraph(Path root) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String pkg = root.getParent().getParent().relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), ".");
                Set<String> to = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (String utf8 : utf8Constants(f)) {
                    Matcher m = UI_CLASS.matcher(utf8);
                    while (m.find()) {
                        String other = ("minet/ui/" + m.group(1)).replaceAll("/$", "").replace('/', '.');
                        if (!other.equals(pkg)) to.add(other);
                    }
                }
            }
        }
        return uses;
    }

    /** The UTF-8 entries of a class file's constant pool: class names, descriptors, signatures. */
    static List<String> utf8Constants(Path classFile) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream d = new DataInputStream(in)) {
            d.readInt(); // magic
            d.readUnsignedShort(); // minor
            d.readUnsignedShort(); // major
            int count = d.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(d.readUTF());
                    case 7, 8, 16, 19, 20 -> d.readUnsignedShort();
                    case 15 -> { d.readUnsignedByte(); d.readUnsignedShort(); }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> d.readInt();
                    case 5, 6 -> { d.readLong(); i++; } // 8-byte constants take two slots
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return out;
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> g) {
        Map<String, Integer> index = new HashMap<>(), low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : g.keySet()) if (!index.containsKey(v)) connect(v, g, index, low, stack, onStack, out, counter);
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> g, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, g, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> scc = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) {
                scc.sort(null);
                out.add(scc);
            }
        }
    }
}
