package minet.model;

/**
 * Something an importer could not take in fully (an ARM parameter without a value, an unsupported template
 * function, a linked template, a reference to a resource not in the input). The validator reports each as a
 * finding with {@code ruleId} (e.g. IMPORT-PARAMETER) and {@code severity} ("error", "warning", "info").
 */
public record ImportNote(String ruleId, String severity, String resource, String message, Source source) {}
