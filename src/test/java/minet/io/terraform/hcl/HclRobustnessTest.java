package minet.io.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import minet.io.ImportOptions;
import minet.io.InputException;
import minet.model.Design;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Damaged modules (.tf, .tf.json, override files), unknown functions, cycles between locals and any JSON where Terraform's
 * JSON syntax expects blocks, labels or bodies: the import gives a design or a located error in our words, never another
 * exception, and never hangs.
 */
class HclRobustnessTest {
    static final Path SQLMI = HclImporterTest.SQLMI;
    static final List<String> FILES = List.of("main.tf", "variables.tf", "terraform.tfvars", "modules/network/main.tf",
            "modules/network/variables.tf", "modules/network/outputs.tf");
    static final String SYNTAX = "{}[]()\"=,.:?!$%<>-*/\\#\n ";

    enum Damage { TRUNCATE, DELETE, INSERT }

    /** Imports the module, or refuses it with file:line:column (or file:) and a problem; within 10 seconds. */
    static void importsOrRefuses(Path module) {
        String outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                Design d = HclImporter.load(List.of(module), ImportOptions.NONE, Map.of());
                assertThat(d).isNotNull();
                return "imported";
            } catch (InputException e) {
                assertThat(e.file()).isNotBlank();
                assertThat(e.problem()).isNotBlank().doesNotContain("Exception").doesNotContain("antlr").doesNotContain("org.");
                if (e.line() > 0) assertThat(e.getMessage()).matches("(?s).+:\\d+(:\\d+)?: .+");
                return e.line() > 0 ? "refused at a line" : "refused";
            }
        });
        Statistics.collect(outcome); // shown in the test output: the inputs reach both outcomes
    }

    static Path copy(Path to) throws IOException {
        return copy(SQLMI, to);
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return to;
    }

    @Property(tries = 150)
    void aDamagedModuleImportsOrIsRefusedWithItsPlace(@ForAll("files") String file, @ForAll Damage damage,
                                                      @ForAll @IntRange(min = 0, max = 100_000) int at,
                                                      @ForAll @IntRange(min = 0, max = 30) int what) throws Exception {
        Path dir = copy(Files.createTempDirectory("hcl-damaged"));
        Path f = dir.resolve(file);
        String s = Files.readString(f);
        int i = at % (s.length() + 1);
        String damaged;
        switch (damage) {
            case TRUNCATE: damaged = s.substring(0, i); break;
            case DELETE: damaged = i < s.length() ? s.substring(0, i) + s.substring(i + 1) : s; break;
            default: damaged = s.substring(0, i) + SYNTAX.charAt(what % SYNTAX.length()) + s.substring(i);
        }
        Files.writeString(f, damaged);
        importsOrRefuses(dir);
    }

    @Provide Arbitrary<String> files() { return Arbitraries.of(FILES); }

    /** An expression from names that exist, names that do not, functions Terraform has and has not, and locals that may refer to each other. */
    @Provide Arbitrary<String> expressions() {
        Arbitrary<String> leaf = Arbitraries.of("1", "\"10.0.0.0/16\"", "var.v", "local.l0", "local.l1", "local.l2", "true",
                "[1, 2]", "{ a = 1 }", "null", "data.azurerm_subnet.x.id", "count.index", "each.key", "nope.x", "var.missing");
        return Arbitraries.recursive(() -> leaf, e -> Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("cidrsubnet", "length", "frobnicate", "upper", "timestamp", "lookup",
                        "merge", "element", "try", "format", "tolist", "range", "jsonencode"), e.list().ofMaxSize(3))
                        .as((f, args) -> f + "(" + String.join(", ", args) + ")"),
                Combinators.combine(e, Arbitraries.of("+", "*", "==", "&&", "/", "%"), e).as((a, op, b) -> a + " " + op + " " + b),
                Combinators.combine(e, e, e).as((c, a, b) -> c + " ? " + a + " : " + b),
                e.map(x -> "[for i in " + x + " : i]"),
                e.map(x -> "\"pre-${" + x + "}\""),
                e.map(x -> x + "[0]"),
                e.map(x -> x + "[*].id")), 4);
    }

    @Property(tries = 200)
    void anyExpressionAndAnyCycleImportsOrIsRefused(@ForAll("expressions") String l0, @ForAll("expressions") String l1,
                                                    @ForAll("expressions") String l2, @ForAll("expressions") String name) throws Exception {
        Path dir = Files.createTempDirectory("hcl-expr");
        List<String> lines = new ArrayList<>();
        lines.add("variable \"v\" {\n  default = \"10.1.0.0/16\"\n}");
        lines.add("variable \"missing\" {}");
        lines.add("locals {\n  l0 = " + l0 + "\n  l1 = " + l1 + "\n  l2 = " + l2 + "\n}");
        lines.add("resource \"azurerm_virtual_network\" \"v\" {\n  name = " + name + "\n  address_space = [\"10.0.0.0/16\"]\n}");
        Files.writeString(dir.resolve("main.tf"), String.join("\n", lines) + "\n");
        importsOrRefuses(dir);
    }

    // ---- Terraform's JSON syntax (*.tf.json) and override files ----

    static final String JSON_SYNTAX = "{}[]\":,\\$%/ \n0-e";

    @Property(tries = 150)
    void aDamagedJsonModuleOrOverrideImportsOrIsRefusedWithItsPlace(@ForAll("stackFiles") String file, @ForAll Damage damage,
                                                                     @ForAll @IntRange(min = 0, max = 100_000) int at,
                                                                     @ForAll @IntRange(min = 0, max = 30) int what) throws Exception {
        Path dir = copy(CdktfStackTest.STACK, Files.createTempDirectory("tfjson-damaged"));
        Path f = dir.resolve(file);
        String s = Files.readString(f);
        int i = at % (s.length() + 1);
        String chars = file.endsWith(".json") ? JSON_SYNTAX : SYNTAX;
        String damaged;
        switch (damage) {
            case TRUNCATE: damaged = s.substring(0, i); break;
            case DELETE: damaged = i < s.length() ? s.substring(0, i) + s.substring(i + 1) : s; break;
            default: damaged = s.substring(0, i) + chars.charAt(what % chars.length()) + s.substring(i);
        }
        Files.writeString(f, damaged);
        importsOrRefuses(dir);
    }

    @Provide Arbitrary<String> stackFiles() { return Arbitraries.of("main.tf.json", "override.tf"); }

    /** The same expressions, as Terraform's JSON syntax carries them: inside "${…}" in JSON strings, in locals and a resource. */
    @Property(tries = 150)
    void anyExpressionInAJsonStringImportsOrIsRefused(@ForAll("expressions") String l0, @ForAll("expressions") String l1,
                                                      @ForAll("expressions") String name, @ForAll boolean alone) throws Exception {
        Path dir = Files.createTempDirectory("tfjson-expr");
        String json = "{\n  \"variable\": {\"v\": {\"default\": \"10.1.0.0/16\"}, \"missing\": {}},\n"
                + "  \"locals\": {\"l0\": " + template(l0, alone) + ", \"l1\": " + template(l1, alone) + ", \"l2\": \"${local.l0}\"},\n"
                + "  \"resource\": {\"azurerm_virtual_network\": {\"v\": {\"name\": " + template(name, !alone)
                + ", \"address_space\": [\"10.0.0.0/16\"]}}}\n}\n";
        Files.writeString(dir.resolve("main.tf.json"), json);
        importsOrRefuses(dir);
    }

    /** {@code "${e}"} (the value itself) or {@code "x-${e}"} (a string), as a JSON string literal. */
    static String template(String e, boolean alone) {
        String s = (alone ? "" : "x-") + "${" + e + "}";
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Where {@link #anyJsonShapeImportsOrIsRefused} puts its JSON, in a module that is valid otherwise. */
    enum Slot {
        FILE("%s"),
        TYPES("{\"resource\": %s}"),
        LABELS("{\"resource\": {\"azurerm_subnet\": %s}}"),
        BODY("{\"resource\": {\"azurerm_virtual_network\": {\"v\": %s}}}"),
        NESTED_BLOCK("{\"resource\": {\"azurerm_network_security_group\": {\"n\": {\"name\": \"n\", \"security_rule\": %s}}}}"),
        DYNAMIC("{\"resource\": {\"azurerm_network_security_group\": {\"n\": {\"name\": \"n\", \"dynamic\": {\"security_rule\": %s}}}}}"),
        LIFECYCLE("{\"resource\": {\"azurerm_subnet\": {\"s\": {\"name\": \"s\", \"lifecycle\": %s}}}}"),
        LOCALS("{\"locals\": %s}"),
        VARIABLE("{\"variable\": {\"v\": %s}}"),
        OUTPUT("{\"output\": %s}"),
        ARGUMENT("{\"resource\": {\"azurerm_subnet\": {\"s\": {\"name\": %s, \"address_prefixes\": [\"10.0.0.0/24\"]}}}}");

        final String format;

        Slot(String format) { this.format = format; }
    }

    /** Any JSON at all where the file, block types, labels, bodies, nested blocks or an argument are expected. */
    @Property(tries = 300)
    void anyJsonShapeImportsOrIsRefused(@ForAll Slot slot, @ForAll("json") String json) throws Exception {
        Path dir = Files.createTempDirectory("tfjson-shape");
        Files.writeString(dir.resolve("base.tf.json"), "{\"resource\": {\"azurerm_virtual_network\": {\"base\": "
                + "{\"name\": \"vnet\", \"address_space\": [\"10.0.0.0/16\"]}}}, \"locals\": {\"l\": 1}, \"variable\": {\"x\": {\"default\": \"a\"}}}");
        Files.writeString(dir.resolve("shape.tf.json"), String.format(slot.format, json));
        Statistics.label("slot").collect(slot);
        importsOrRefuses(dir);
    }

    @Provide Arbitrary<String> json() {
        Arbitrary<String> leaf = Arbitraries.of("null", "1", "-2.5e3", "true", "\"\"", "\"x\"", "\"${var.x}\"", "\"${\"", "\"%{ if }\"",
                "\"$${x}\"", "\"${local.l}\"", "\"list(string)\"", "{}", "[]", "\"//\"");
        Arbitrary<String> key = Arbitraries.of("name", "//", "for_each", "content", "iterator", "count", "type", "default",
                "value", "source", "security_rule", "dynamic", "priority", "${k}", "");
        return Arbitraries.recursive(() -> leaf, j -> Arbitraries.oneOf(
                j.list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]"),
                Combinators.combine(key, j).as((k, v) -> "\"" + k + "\": " + v).list().ofMaxSize(3)
                        .map(l -> "{" + String.join(", ", l) + "}")), 4);
    }
}
