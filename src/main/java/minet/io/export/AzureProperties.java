package minet.io.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;
import minet.model.Route;
import minet.model.SecurityRule;
import minet.model.Subnet;

/**
 * The {@code properties} of security rules, routes and subnets as the Azure REST API (and so ARM and Bicep) spell
 * them. {@code literal} turns a value from the design into the target's literal string (ARM must escape a leading
 * '['; Bicep needs nothing here because its writer quotes every string).
 */
final class AzureProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final UnaryOperator<String> literal;

    AzureProperties(UnaryOperator<String> literal) {
        this.literal = literal;
    }

    ObjectNode securityRule(SecurityRule r) {
        ObjectNode p = F.objectNode();
        if (r.description() != null && !r.description().isEmpty()) p.put("description", literal.apply(r.description()));
        if (r.protocol() != null) p.put("protocol", literal.apply(r.protocol()));
        singularOrPlural(p, "sourcePortRange", "sourcePortRanges", r.sourcePorts());
        singularOrPlural(p, "destinationPortRange", "destinationPortRanges", r.destinationPorts());
        singularOrPlural(p, "sourceAddressPrefix", "sourceAddressPrefixes", r.sourcePrefixes());
        ids(p, "sourceApplicationSecurityGroups", r.sourceApplicationSecurityGroups());
        singularOrPlural(p, "destinationAddressPrefix", "destinationAddressPrefixes", r.destinationPrefixes());
        ids(p, "destinationApplicationSecurityGroups", r.destinationApplicationSecurityGroups());
        if (r.access() != null) p.put("access", r.access().azure());
        if (r.priority() != null) p.put("priority", r.priority());
        if (r.direction() != null) p.put("direction", r.direction().azure());
        return p;
    }

    ObjectNode route(Route r) {
        ObjectNode p = F.objectNode();
        if (r.addressPrefix() != null) p.put("addressPrefix", literal.apply(r.addressPrefix()));
        if (r.nextHopType() != null) p.put("nextHopType", literal.apply(r.nextHopType()));
        if (r.nextHopIpAddress() != null && !r.nextHopIpAddress().isBlank()) {
            p.put("nextHopIpAddress", literal.apply(r.nextHopIpAddress()));
        }
        return p;
    }

    /**
     * A subnet as a PUT must send it: the PUT replaces the whole subnet, so the prefix, delegations and service
     * endpoints from the design are repeated next to the associations, or Azure would drop them.
     */
    ObjectNode subnet(Subnet s, JsonNode nsgId, JsonNode routeTableId) {
        ObjectNode p = F.objectNode();
        singularOrPlural(p, "addressPrefix", "addressPrefixes", s.addressPrefixes());
        if (nsgId != null) p.putObject("networkSecurityGroup").set("id", nsgId);
        if (routeTableId != null) p.putObject("routeTable").set("id", routeTableId);
        if (!s.serviceEndpoints().isEmpty()) {
            ArrayNode a = p.putArray("serviceEndpoints");
            s.serviceEndpoints().forEach(e -> a.addObject().put("service", literal.apply(e)));
        }
        if (!s.delegations().isEmpty()) {
            ArrayNode a = p.putArray("delegations");
            for (int i = 0; i < s.delegations().size(); i++) {
                ObjectNode d = a.addObject();
                d.put("name", delegationName(s.delegations().get(i), i));
                d.putObject("properties").put("serviceName", literal.apply(s.delegations().get(i)));
            }
        }
        return p;
    }

    /** The design keeps only the service name; the delegation's own name is derived from it ("Microsoft.Sql.managedInstances"). */
    static String delegationName(String service, int index) {
        String n = Identifiers.sanitise(service.replace('/', '.')).replace('_', '.');
        return index == 0 ? n : n + "." + (index + 1);
    }

    private void singularOrPlural(ObjectNode p, String one, String many, List<String> values) {
        if (values.size() == 1) {
            p.put(one, literal.apply(values.get(0)));
        } else if (values.size() > 1) {
            ArrayNode a = p.putArray(many);
            values.forEach(v -> a.add(literal.apply(v)));
        }
    }

    private void ids(ObjectNode p, String field, List<String> ids) {
        if (ids.isEmpty()) return;
        ArrayNode a = p.putArray(field);
        ids.forEach(id -> a.addObject().put("id", literal.apply(id)));
    }
}
