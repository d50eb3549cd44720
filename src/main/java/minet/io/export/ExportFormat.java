package minet.io.export;

import java.util.Locale;
import java.util.function.Supplier;

/** The export targets: the CLI's {@code --to} word, the file written with {@code -o}, and the exporter. */
public enum ExportFormat {
    ARM("arm", "nsg-and-routes.json", false, ArmExporter::new),
    BICEP("bicep", "nsg-and-routes.bicep", false, BicepExporter::new),
    TERRAFORM("terraform", "nsg-and-routes.tf", false, TerraformExporter::new),
    AZCLI("azcli", "nsg-and-routes.sh", true, AzCliExporter::new),
    POWERSHELL("powershell", "nsg-and-routes.ps1", false, PowerShellExporter::new),
    CSV("csv", "nsg-and-routes.csv", false, CsvExporter::new),
    MARKDOWN("markdown", "nsg-and-routes.md", false, MarkdownExporter::new);

    private final String cliName;
    private final String fileName;
    private final boolean executable;
    private final Supplier<Exporter> exporter;

    ExportFormat(String cliName, String fileName, boolean executable, Supplier<Exporter> exporter) {
        this.cliName = cliName;
        this.fileName = fileName;
        this.executable = executable;
        this.exporter = exporter;
    }

    public String cliName() { return cliName; }
    public String fileName() { return fileName; }
    /** True for the bash script, which is written with execute permission. */
    public boolean executable() { return executable; }
    public Exporter exporter() { return exporter.get(); }

    /** Accepts the CLI word in any case. */
    public static ExportFormat parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) if (f.cliName.equals(t)) return f;
        throw new IllegalArgumentException("unknown export format '" + s + "'; use one of " + names());
    }

    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (ExportFormat f : values()) sb.append(sb.length() == 0 ? "" : ", ").append(f.cliName);
        return sb.toString();
    }
}
