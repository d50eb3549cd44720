package minet.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;
import minet.model.Excerpt;
import minet.model.Source;

/**
 * One result of a rule. {@code resource} is rules.md's readable path; {@code elementId} the model id of the
 * element concerned (subnet, NSG, route table, instance …) so the window can select it; {@code details}
 * goes to JSON as is (e.g. "uncovered", "routes", "decidingRule"); {@code source} where the element was read.
 * Every finding is made here, so this is where the values it quotes are shortened ({@link Excerpt}).
 */
public record Finding(String ruleId, Severity severity, String resource, String message,
                      Map<String, Object> details, @JsonIgnore String elementId, @JsonIgnore Source source) {
    public Finding {
        resource = Excerpt.message(resource);
        message = Excerpt.message(message);
        Map<String, Object> shortened = new LinkedHashMap<>();
        if (details != null) details.forEach((k, v) -> shortened.put(k, Excerpt.value(v)));
        details = java.util.Collections.unmodifiableMap(shortened);
    }
}
