package minet.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import minet.io.azcli.At;
import minet.rules.eval.Cidr;
import minet.rules.eval.ServiceTags;

/**
 * Reads Microsoft's weekly service tags file ({@code ServiceTags_Public_YYYYMMDD.json}, from the Download Center or
 * {@code az network list-service-tags}): {@code values[]} of {@code {name, properties: {addressPrefixes: [...]}}}.
 * A malformed file is refused with its line and column; IPv6 prefixes are read and left aside.
 */
public final class ServiceTagsFile {
    private ServiceTagsFile() {}

    public static ServiceTags read(Path file) throws InputException {
        JsonSource src = JsonSource.read(file);
        At root = At.root(src);
        if (!root.isObject()) throw root.error("expected Microsoft's service tags file (an object with 'values'), not " + At.kind(root.node()));
        if (!root.has("values")) throw root.error("not a service tags file: 'values' is missing (expected ServiceTags_Public_YYYYMMDD.json)");
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (At v : root.array("values")) {
            if (!v.isObject()) throw v.error("each entry of 'values' must be an object, not " + At.kind(v.node()));
            String name = v.text("name");
            if (name == null || name.isBlank()) throw v.error("a service tag without 'name'");
            List<String> prefixes = new ArrayList<>();
            At props = v.object("properties").orElse(null);
            if (props != null) {
                for (At p : props.array("addressPrefixes")) {
                    String text = p.node().isTextual() ? p.node().asText() : null;
                    if (text == null || !Cidr.isAddressOrPrefix(text)) {
                        throw p.error("'" + (text == null ? At.kind(p.node()) : text) + "' in the prefixes of tag '" + name + "' is not an IP prefix");
                    }
                    prefixes.add(text);
                }
            }
            tags.put(name, prefixes);
        }
        return ServiceTags.of(tags, file.getFileName().toString());
    }
}
