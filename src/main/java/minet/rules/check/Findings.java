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
        Finding f = new Finding(ruleId, severity, resource, message, details, elementId, source);
        // keyed by the shortened texts and the hashes of the whole ones: a 50 MB name is not kept once per finding
        String key = ruleId + '\u0000' + f.resource() + '\u0000' + f.message() + '\u0000'
                + java.util.Objects.hashCode(resource) + '\u0000' + java.util.Objects.hashCode(message);
        if (seen.add(key)) list.add(f);
    }

    public List<Finding> list() { return list; }

    /** An ordered map for details: details("nsgId", id, "ports", list …). Null values are left out. */
    public static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
