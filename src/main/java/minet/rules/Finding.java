package minet.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;
import minet.model.Source;

/**
 * One result of a rule. {@code resource} is rules.md's readable path; {@code elementId} the model id of the
 * element concerned (subnet, NSG, route table, instance …) so the window can select it; {@code details}
 * goes to JSON as is (e.g. "uncovered", "routes", "decidingRule"); {@code source} where the element was read.
 */
public record Finding(String ruleId, Severity severity, String resource, String message,
                      Map<String, Object> details, @JsonIgnore String elementId, @JsonIgnore Source source) {
    public Finding {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
