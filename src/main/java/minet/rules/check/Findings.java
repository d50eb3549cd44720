package minet.rules.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import minet.model.Source;
import minet.rules.Finding;
import minet.rules.Severity;

/** Collects the findings of one validation run; drops exact repeats (a shared NSG or route table seen twice). */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    public void add(String ruleId, Severity severity, String resource, String message, Map<String, Object> details,
                    String elementId, Source source) {
        if (seen.add(ruleId + '\u0000' + resource + '\u0000' + message)) {
            list.add(new Finding(ruleId, severity, resource, message, details, elementId, source));
        }
    }

    public List<Finding> list() { return list; }

    /** An ordered map for details: details("nsgId", id, "ports", list …). Null values are left out. */
    public static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
