package minet.model;

import java.util.List;

/** A network security group. {@code id} is the ARM resource ID when imported, any unique string otherwise. */
public record SecurityGroup(String id, String name, String location, List<SecurityRule> rules, Source source) {
    public SecurityGroup {
        rules = Lists.copy(rules);
    }

    public List<SecurityRule> rules(Direction d) {
        return rules.stream().filter(r -> r.direction() == d).toList();
    }

    public SecurityGroup withName(String v) { return new SecurityGroup(id, v, location, rules, source); }
    public SecurityGroup withRules(List<SecurityRule> v) { return new SecurityGroup(id, name, location, v, source); }
}
