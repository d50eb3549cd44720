package minet.io;

import com.fasterxml.jackson.databind.JsonNode;

/** The input formats we read, told apart by their shape, not their file name. */
public enum Format {
    DESIGN, ARM, AZ_CLI, TERRAFORM;

    public static Format detect(JsonNode root) {
        if (DesignFile.isDesign(root)) return DESIGN;
        if (root.isObject()) {
            String schema = root.path("$schema").asText("");
            if (schema.contains("deploymentTemplate") || (root.has("resources") && root.has("contentVersion"))) return ARM;
            if (root.has("format_version") && (root.has("values") || root.has("planned_values") || root.has("resource_changes"))) {
                return TERRAFORM;
            }
        }
        return AZ_CLI;
    }
}
