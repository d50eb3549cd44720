package minet.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import minet.edit.Command;
import minet.layout.DiagramFlow;
import minet.model.Access;
import minet.model.Design;
import minet.model.Direction;
import minet.model.ExternalNetwork;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Route;
import minet.model.RouteTable;
import minet.model.SecurityGroup;
import minet.model.SecurityRule;
import minet.model.Subnet;
import minet.model.VirtualNetwork;
import minet.rules.eval.EffectiveRules;
import minet.ui.canvas.CanvasViewModel;
import minet.ui.document.DocumentModel;

/**
 * Typed editors for the selected element. Each {@link Field} checks its text as it changes (the error shows at once)
 * and applies only valid text, as one Command. NSG rules and routes are rows edited in place, each edit a Command.
 */
public final class PropertiesViewModel {
    public enum FieldKind { TEXT, CHOICE, CHECK, READ_ONLY }
    public enum TableKind { NONE, RULES, ROUTES }

    /** One editable property. {@link #commit()} applies the text if it is valid. */
    public final class Field {
        private final String id, label, help;
        private final FieldKind kind;
        private final StringProperty text = new SimpleStringProperty();
        private final BooleanProperty flag = new SimpleBooleanProperty();
        private final ObservableList<String> choices;
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
        private final Function<String, String> check;
        private final Function<String, UnaryOperator<Design>> apply;
        private java.util.Map<String, String> display = java.util.Map.of();
        /** What the undo label names ("rule allow_tds_inbound"); the heading when null. */
        private String subject;
        private String applied;

        Field(String id, String label, FieldKind kind, String value, List<String> choices, Function<String, String> check,
              Function<String, UnaryOperator<Design>> apply, String help) {
            this.id = id;
            this.label = label;
            this.kind = kind;
            this.choices = FXCollections.observableArrayList(choices);
            this.check = check == null ? s -> null : check;
            this.apply = apply;
            this.help = help;
            set(value);
            text.addListener((o, a, b) -> error.set(this.check.apply(b)));
            flag.addListener((o, a, b) -> { if (kind == FieldKind.CHECK) { text.set(String.valueOf(b)); commit(); } });
        }

        void set(String value) {
            applied = value == null ? "" : value;
            text.set(applied);
            flag.set(Boolean.parseBoolean(applied));
            error.set(null);
        }

        public String id() { return id; }
        public String label() { return label; }
        public String help() { return help; }
        public FieldKind kind() { return kind; }
        /** The choices of a drop-down; they follow the design (an NSG added elsewhere appears). */
        public ObservableList<String> choices() { return choices; }
        /** What a choice shows: a resource's name instead of its ID (the ID goes into a tooltip). */
        public String display(String choice) { return choice == null ? "" : display.getOrDefault(choice, choice); }
        public StringProperty textProperty() { return text; }
        public BooleanProperty flagProperty() { return flag; }
        public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

        /** Applies the text as one undoable edit; returns false (and keeps the error) when it is invalid. */
        public boolean commit() {
            if (apply == null || kind == FieldKind.READ_ONLY) return false;
            String v = text.get() == null ? "" : text.get();
            String e = check.apply(v);
            error.set(e);
            if (e != null) {
                status.accept(label + ": " + e);
                return false;
            }
            if (v.equals(applied)) return true;
            applied = v;
            doc.execute(Command.of("Change " + label.toLowerCase(java.util.Locale.ROOT) + " of " + (subject != null ? subject : heading.get()), apply.apply(v)));
            return true;
        }

        /** Drops what was typed and shows the design's value again. */
        public void revert() { set(applied); }
    }

    private final DocumentModel doc;
    private final CanvasViewModel canvas;
    private final Consumer<String> status;
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "Nothing selected");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TableKind> table = new ReadOnlyObjectWrapper<>(this, "table", TableKind.NONE);
    private final ObservableList<RuleRow> inbound = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> outbound = FXCollections.observableArrayList();
    private final ObservableList<Field> ruleFields = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RuleRow> selectedRule = new ReadOnlyObjectWrapper<>(this, "selectedRule");
    private final ReadOnlyStringWrapper ruleNote = new ReadOnlyStringWrapper(this, "ruleNote", "");
    private final ObservableList<RouteRow> routes = FXCollections.observableArrayList();
    private String elementId;
    private final javafx.beans.property.ReadOnlyBooleanWrapper nothingSelected = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "nothingSelected", true);
    private final javafx.beans.property.ReadOnlyBooleanWrapper subnetSelected = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "subnetSelected");

    public PropertiesViewModel(DocumentModel doc, CanvasViewModel canvas, Consumer<String> status) {
        this.doc = doc;
        this.canvas = canvas;
        this.status = status;
        canvas.selection().primaryProperty().addListener((o, a, id) -> show(id));
        doc.designProperty().addListener((o, a, d) -> refresh());
        show(canvas.selection().primary());
    }

    public ReadOnlyStringProperty headingProperty() { return heading.getReadOnlyProperty(); }
    public ObservableList<Field> fields() { return fields; }
    public ReadOnlyObjectProperty<TableKind> tableProperty() { return table.getReadOnlyProperty(); }
    /** The NSG's rules of a direction by priority, then Azure's default rules (locked). */
    public ObservableList<RuleRow> rules(Direction d) { return d == Direction.OUTBOUND ? outbound : inbound; }
    /** The rule the form below the rule tables edits (null: none). */
    public ReadOnlyObjectProperty<RuleRow> selectedRuleProperty() { return selectedRule.getReadOnlyProperty(); }
    /** The selected rule's fields: editable for the user's rules, read-only for Azure's. */
    public ObservableList<Field> ruleFields() { return ruleFields; }
    /** Why a selected rule cannot be changed, or "". */
    public ReadOnlyStringProperty ruleNoteProperty() { return ruleNote.getReadOnlyProperty(); }
    public ObservableList<RouteRow> routes() { return routes; }
    public String elementId() { return elementId; }
    public javafx.beans.property.ReadOnlyBooleanProperty nothingSelectedProperty() { return nothingSelected.getReadOnlyProperty(); }
    /** True while a subnet is shown: its effective rules and routes can be looked at. */
    public javafx.beans.property.ReadOnlyBooleanProperty subnetSelectedProperty() { return subnetSelected.getReadOnlyProperty(); }

    /** What Azure applies to a subnet's traffic: its NSG's rules with the defaults, its routes with the system routes. */
    public record Effective(String subnetName, String addressPrefixes, EffectiveRules rules, minet.rules.route.EffectiveRoutes routes) {}

    /** The shown subnet's effective rules and routes (computed by the core, as the checks and the trace see them). */
    public Optional<Effective> effective() {
        Design d = doc.design();
        return elementId == null ? Optional.empty() : d.subnet(elementId).map(s -> new Effective(s.name(), Inputs.join(s.addressPrefixes()),
                EffectiveRules.of(d, s), minet.rules.route.EffectiveRoutes.of(d, s)));
    }

    public Optional<Field> field(String id) { return fields.stream().filter(f -> f.id().equals(id)).findFirst(); }

    private void show(String id) {
        elementId = id;
        nothingSelected.set(id == null);
        subnetSelected.set(id != null && doc.design().subnet(id).isPresent());
        fields.setAll(build(doc.design(), id));
        refreshTables();
    }

    /** After an edit: same element and same fields → update values in place (keeps focus); else rebuild. */
    private void refresh() {
        List<Field> next = build(doc.design(), elementId);
        boolean same = next.size() == fields.size();
        for (int i = 0; same && i < next.size(); i++) same = next.get(i).id().equals(fields.get(i).id());
        if (same) {
            for (int i = 0; i < next.size(); i++) {
                Field cur = fields.get(i), fresh = next.get(i);
                cur.display = fresh.display;
                if (!cur.choices.equals(fresh.choices)) cur.choices.setAll(fresh.choices);
                String v = fresh.text.get();
                if (!v.equals(cur.applied)) cur.set(v);
            }
        } else {
            fields.setAll(next);
        }
        refreshTables();
    }

    private void refreshTables() {
        Design d = doc.design();
        Optional<SecurityGroup> g = elementId == null ? Optional.empty() : d.securityGroup(elementId);
        Optional<RouteTable> t = elementId == null ? Optional.empty() : d.routeTable(elementId);
        if (g.isPresent()) {
            List<RuleRow> in = ruleRows(g.get(), Direction.INBOUND), out = ruleRows(g.get(), Direction.OUTBOUND);
            if (!in.equals(inbound)) inbound.setAll(in);
            if (!out.equals(outbound)) outbound.setAll(out);
            refreshRuleForm(g.get());
        } else {
            inbound.clear();
            outbound.clear();
            selectRule(null);
        }
        if (t.isPresent()) {
            List<RouteRow> rows = new ArrayList<>();
            for (int i = 0; i < t.get().routes().size(); i++) rows.add(RouteRow.of(i, t.get().routes().get(i)));
            if (!rows.equals(routes)) routes.setAll(rows);
        } else {
            routes.clear();
        }
        table.set(g.isPresent() ? TableKind.RULES : t.isPresent() ? TableKind.ROUTES : TableKind.NONE);
    }

    private Field text(String id, String label, String value, Function<String, String> check, Function<String, UnaryOperator<Design>> apply, String help) {
        return new Field(id, label, FieldKind.TEXT, value, List.of(), check, apply, help);
    }

    private Field choice(String id, String label, String value, List<String> choices, Function<String, UnaryOperator<Design>> apply) {
        Field[] f = new Field[1];
        f[0] = new Field(id, label, FieldKind.CHOICE, value, choices, s -> f[0].choices.contains(s) ? null : "choose one of the list", apply, null);
        return f[0];
    }

    /** A choice among resources: the value is the resource's ID, the list shows its name. */
    private Field resourceChoice(String id, String label, String value, java.util.Map<String, String> names, Function<String, UnaryOperator<Design>> apply) {
        java.util.Map<String, String> all = names;
        if (!names.containsKey(value)) {
            // A reference to a resource the design does not hold (an import that left it out) stays visible as such.
            all = new java.util.LinkedHashMap<>(names);
            all.put(value, lastSegment(value) + " (not in the design)");
        }
        Field f = choice(id, label, value, List.copyOf(all.keySet()), apply);
        f.display = all;
        return f;
    }

    /**
     * "(none)" and each resource's name by ID, in the design's order. Two resources of one name (in different resource
     * groups) are told apart by their resource group, else by their position.
     */
    static java.util.Map<String, String> namesById(List<String> ids, List<String> names) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put(NONE, NONE);
        java.util.Map<String, Long> count = new java.util.HashMap<>();
        for (String n : names) count.merge(Inputs.lower(n), 1L, Long::sum);
        for (int i = 0; i < ids.size(); i++) {
            String n = names.get(i) == null || names.get(i).isBlank() ? ids.get(i) : names.get(i);
            if (count.getOrDefault(Inputs.lower(n), 0L) > 1) {
                String group = resourceGroup(ids.get(i));
                n = n + " (" + (group != null ? group : String.valueOf(i + 1)) + ")";
            }
            out.put(ids.get(i), n);
        }
        return out;
    }

    /** The resource group of an Azure resource ID, or null. */
    static String resourceGroup(String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)/resourceGroups/([^/]+)").matcher(id == null ? "" : id);
        return m.find() ? m.group(1) : null;
    }

    static final String NONE = "(none)";

    /** The name at the end of a resource ID or path. */
    static String lastSegment(String id) {
        if (id == null) return "";
        String t = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return t.substring(t.lastIndexOf('/') + 1);
    }

    private Field check(String id, String label, boolean value, Function<String, UnaryOperator<Design>> apply, String help) {
        return new Field(id, label, FieldKind.CHECK, String.valueOf(value), List.of(), null, apply, help);
    }

    private Field readOnly(String id, String label, String value) {
        return new Field(id, label, FieldKind.READ_ONLY, value, List.of(), null, null, null);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private List<Field> build(Design d, String id) {
        List<Field> f = new ArrayList<>();
        if (id == null) {
            heading.set("Nothing selected");
            return f;
        }
        Optional<VirtualNetwork> vnet = d.virtualNetworks().stream().filter(v -> Lists.sameId(v.id(), id)).findFirst();
        if (vnet.isPresent()) {
            VirtualNetwork v = vnet.get();
            heading.set("Virtual network · " + v.name());
            f.add(text("name", "Name", v.name(), Inputs::name, s -> x -> x.mapVirtualNetwork(v.id(), y -> y.withName(s.trim())), null));
            f.add(text("addressSpaces", "Address spaces", Inputs.join(v.addressSpaces()), s -> Inputs.cidrList(s, true),
                    s -> x -> x.mapVirtualNetwork(v.id(), y -> y.withAddressSpaces(Inputs.list(s))), "Comma-separated CIDR prefixes"));
            f.add(text("location", "Location", nz(v.location()), Inputs::location,
                    s -> x -> x.mapVirtualNetwork(v.id(), y -> withLocation(y, s.isBlank() ? null : s.trim())), "Azure region, e.g. westeurope"));
            f.add(text("dnsServers", "DNS servers", Inputs.join(v.dnsServers()), Inputs::ipList,
                    s -> x -> x.mapVirtualNetwork(v.id(), y -> y.withDnsServers(Inputs.list(s))), "Empty: Azure-provided DNS"));
            f.add(check("dnsConfirmed", "Custom DNS resolves *.core.windows.net", v.dnsConfirmed(),
                    s -> x -> x.mapVirtualNetwork(v.id(), y -> y.withDnsConfirmed(Boolean.parseBoolean(s))), null));
            return f;
        }
        Optional<Subnet> subnet = d.subnet(id);
        if (subnet.isPresent()) {
            Subnet s = subnet.get();
            heading.set((d.isMiSubnet(s) ? "MI subnet · " : "Subnet · ") + s.name());
            java.util.Map<String, String> nsgs = namesById(d.securityGroups().stream().map(SecurityGroup::id).toList(),
                    d.securityGroups().stream().map(SecurityGroup::name).toList());
            java.util.Map<String, String> rts = namesById(d.routeTables().stream().map(RouteTable::id).toList(),
                    d.routeTables().stream().map(RouteTable::name).toList());
            f.add(text("name", "Name", s.name(), Inputs::name, v -> x -> x.mapSubnet(s.id(), y -> y.withName(v.trim())), null));
            f.add(text("addressPrefixes", "Address prefix", Inputs.join(s.addressPrefixes()), v -> Inputs.cidrList(v, true),
                    v -> x -> x.mapSubnet(s.id(), y -> y.withAddressPrefixes(Inputs.list(v))), "CIDR, e.g. 10.0.0.0/24"));
            f.add(resourceChoice("nsg", "Network security group", s.nsgId() == null ? NONE : s.nsgId(), nsgs,
                    v -> x -> x.mapSubnet(s.id(), y -> y.withNsgId("(none)".equals(v) ? null : v))));
            f.add(resourceChoice("routeTable", "Route table", s.routeTableId() == null ? NONE : s.routeTableId(), rts,
                    v -> x -> x.mapSubnet(s.id(), y -> y.withRouteTableId("(none)".equals(v) ? null : v))));
            f.add(check("delegatedToMi", "Delegated to Microsoft.Sql/managedInstances", s.delegatedToMi(), v -> x -> x.mapSubnet(s.id(), y -> {
                List<String> del = new ArrayList<>(Lists.minus(y.delegations(), Subnet.MI_DELEGATION::equalsIgnoreCase));
                if (Boolean.parseBoolean(v)) del.add(Subnet.MI_DELEGATION);
                return y.withDelegations(del);
            }), null));
            f.add(check("markedMi", "This is an MI subnet", s.markedMi(), v -> x -> x.mapSubnet(s.id(), y -> y.withMarkedMi(Boolean.parseBoolean(v))), null));
            f.add(text("serviceEndpoints", "Service endpoints", Inputs.join(s.serviceEndpoints()), null,
                    v -> x -> x.mapSubnet(s.id(), y -> y.withServiceEndpoints(Inputs.list(v))), "Comma-separated, e.g. Microsoft.Storage"));
            return f;
        }
        Optional<SecurityGroup> nsg = d.securityGroup(id);
        if (nsg.isPresent()) {
            SecurityGroup g = nsg.get();
            heading.set("Network security group · " + g.name());
            f.add(text("name", "Name", g.name(), Inputs::name, v -> x -> x.mapSecurityGroup(g.id(), y -> y.withName(v.trim())), null));
            f.add(readOnly("used", "Attached to", Inputs.join(d.subnets().filter(s -> Lists.sameId(s.nsgId(), g.id())).map(Subnet::name).toList())));
            return f;
        }
        Optional<RouteTable> rt = d.routeTable(id);
        if (rt.isPresent()) {
            RouteTable t = rt.get();
            heading.set("Route table · " + t.name());
            f.add(text("name", "Name", t.name(), Inputs::name, v -> x -> x.mapRouteTable(t.id(), y -> y.withName(v.trim())), null));
            f.add(check("disableBgp", "Disable BGP route propagation", t.disableBgpRoutePropagation(),
                    v -> x -> x.mapRouteTable(t.id(), y -> y.withDisableBgpRoutePropagation(Boolean.parseBoolean(v))), null));
            return f;
        }
        Optional<ManagedInstance> mi = d.managedInstances().stream().filter(m -> Lists.sameId(m.id(), id)).findFirst();
        if (mi.isPresent()) {
            ManagedInstance m = mi.get();
            heading.set("Managed instance · " + m.name());
            f.add(text("name", "Name", m.name(), Inputs::name, v -> x -> x.mapManagedInstance(m.id(), y -> y.withName(v.trim())), null));
            f.add(readOnly("hostName", "Host name", m.hostName()));
            f.add(choice("tier", "Service tier", m.tier().azure(), List.of("GeneralPurpose", "BusinessCritical"),
                    v -> x -> x.mapManagedInstance(m.id(), y -> y.withTier(ManagedInstance.Tier.parse(v)))));
            f.add(text("vCores", "vCores", String.valueOf(m.vCores()), Inputs::vCores, v -> x -> x.mapManagedInstance(m.id(), y -> withVCores(y, Integer.parseInt(v.trim()))), null));
            f.add(choice("connectionType", "Connection type", m.connectionType().azure(), List.of("Default", "Proxy", "Redirect"),
                    v -> x -> x.mapManagedInstance(m.id(), y -> withConnectionType(y, ManagedInstance.ConnectionType.parse(v)))));
            f.add(choice("replicationRole", "Replication role", m.replicationRole().azure(), List.of("None", "Publisher", "Distributor", "Subscriber"),
                    v -> x -> x.mapManagedInstance(m.id(), y -> withReplicationRole(y, ManagedInstance.ReplicationRole.parse(v)))));
            f.add(text("dnsZone", "DNS zone", nz(m.dnsZone()), null, v -> x -> x.mapManagedInstance(m.id(), y -> withDnsZone(y, v.trim())), null));
            f.add(text("managementEndpointIp", "Management endpoint IP", nz(m.managementEndpointIp()), v -> Inputs.ip(v, true),
                    v -> x -> x.mapManagedInstance(m.id(), y -> withManagementIp(y, v.trim())), "The public IP outbound traffic appears to come from"));
            return f;
        }
        Optional<ExternalNetwork> ext = d.externalNetworks().stream().filter(e -> Lists.sameId(e.id(), id)).findFirst();
        if (ext.isPresent()) {
            ExternalNetwork e = ext.get();
            heading.set(kindName(e.kind()) + " · " + e.name());
            f.add(text("name", "Name", e.name(), Inputs::name, v -> x -> mapExternal(x, e.id(), y -> y.withName(v.trim())), null));
            f.add(text("addressPrefixes", "Address prefixes", Inputs.join(e.addressPrefixes()), v -> Inputs.cidrList(v, false),
                    v -> x -> mapExternal(x, e.id(), y -> y.withAddressPrefixes(Inputs.list(v))), "Comma-separated CIDR prefixes"));
            if (e.kind() == ExternalNetwork.Kind.AZURE_SERVICE || e.kind() == ExternalNetwork.Kind.MANAGEMENT) {
                f.add(text("serviceTag", "Service tag", nz(e.serviceTag()), v -> v.isBlank() || v.trim().matches("[A-Za-z][A-Za-z0-9.]*") ? null : "a service tag is a word such as Storage, EventHub or AzureCloud",
                        v -> x -> mapExternal(x, e.id(), y -> new ExternalNetwork(y.id(), y.name(), y.kind(), y.addressPrefixes(), y.gatewayId(), y.via(),
                                v.isBlank() ? null : v.trim(), y.region(), y.firewallAllowedIps(), y.source())), "Storage, EventHub, AzureActiveDirectory, AzureKeyVault …"));
                f.add(text("region", "Region", nz(e.region()), null, v -> x -> mapExternal(x, e.id(), y -> y.withRegion(v.isBlank() ? null : v.trim())), null));
            }
            if (e.kind() == ExternalNetwork.Kind.ON_PREMISES) f.add(readOnly("via", "Connected via", nz(e.via()) + (e.gatewayId() == null ? "" : " · " + lastSegment(e.gatewayId()))));
            return f;
        }
        Optional<minet.model.FailoverGroup> fog = d.failoverGroups().stream().filter(g -> Lists.sameId(g.id(), id)).findFirst();
        if (fog.isPresent()) {
            // Selected from a MI-FOG-* finding (seen at 1024 × 700: the panel showed the bare name and nothing else).
            minet.model.FailoverGroup g = fog.get();
            heading.set("Failover group · " + g.name());
            Optional<ManagedInstance> primary = d.managedInstances().stream().filter(m -> Lists.sameId(m.id(), g.primaryInstanceId())).findFirst();
            Optional<ManagedInstance> secondary = d.managedInstances().stream().filter(m -> Lists.sameId(m.id(), g.secondaryInstanceId())).findFirst();
            f.add(readOnly("primary", "Primary instance", primary.map(PropertiesViewModel::instanceAndRegion).orElse(lastSegment(g.primaryInstanceId()))));
            f.add(readOnly("secondary", "Secondary instance", secondary.map(PropertiesViewModel::instanceAndRegion).orElse(lastSegment(g.secondaryInstanceId()))));
            String zone = primary.map(ManagedInstance::dnsZone).orElse(null);
            f.add(readOnly("readWrite", "Read-write listener", g.readWriteListener(zone)));
            f.add(readOnly("readOnly", "Read-only listener", g.readOnlyListener(zone)));
            return f;
        }
        Optional<minet.layout.DiagramNode> implied = canvas.implied(id); // hook: implied parties are read-only (canvas)
        if (implied.isPresent()) { heading.set(implied.get().title() + " · implied"); f.add(readOnly("why", "Why it is drawn", CanvasViewModel.whyDrawn(implied.get()))); return f; }
        Optional<DiagramFlow> flow = canvas.flow(id);
        if (flow.isPresent()) {
            heading.set("Traffic flow · " + (flow.get().label().isEmpty() ? flow.get().kind().name().toLowerCase(java.util.Locale.ROOT) : flow.get().label()));
            f.add(readOnly("description", "What it is", minet.ui.Wording.forUser(flow.get().description(), null)));
            return f;
        }
        heading.set(lastSegment(id));
        return f;
    }

    private static String instanceAndRegion(ManagedInstance m) {
        return m.name() + (m.location() == null || m.location().isBlank() ? "" : " (" + m.location() + ")");
    }

    private static String kindName(ExternalNetwork.Kind k) {
        switch (k) {
            case ON_PREMISES: return "On-premises network";
            case PEERED_VNET: return "Peered VNet";
            case MANAGEMENT: return "Management services";
            case CLIENT: return "Client applications";
            default: return "Azure service";
        }
    }

    private static Design mapExternal(Design d, String id, UnaryOperator<ExternalNetwork> f) {
        return d.withExternalNetworks(Lists.replace(d.externalNetworks(), e -> Lists.sameId(e.id(), id), f));
    }

    private static VirtualNetwork withLocation(VirtualNetwork v, String location) {
        return new VirtualNetwork(v.id(), v.name(), location, v.addressSpaces(), v.dnsServers(), v.dnsConfirmed(), v.peerings(), v.subnets(), v.source());
    }

    private static ManagedInstance withVCores(ManagedInstance m, int v) {
        return new ManagedInstance(m.id(), m.name(), m.subnetId(), m.tier(), v, m.connectionType(), m.publicDataEndpoint(), m.replicationRole(), m.location(), m.dnsZone(), m.managementEndpointIp(), m.source());
    }

    private static ManagedInstance withConnectionType(ManagedInstance m, ManagedInstance.ConnectionType v) {
        return new ManagedInstance(m.id(), m.name(), m.subnetId(), m.tier(), m.vCores(), v, m.publicDataEndpoint(), m.replicationRole(), m.location(), m.dnsZone(), m.managementEndpointIp(), m.source());
    }

    private static ManagedInstance withReplicationRole(ManagedInstance m, ManagedInstance.ReplicationRole v) {
        return new ManagedInstance(m.id(), m.name(), m.subnetId(), m.tier(), m.vCores(), m.connectionType(), m.publicDataEndpoint(), v, m.location(), m.dnsZone(), m.managementEndpointIp(), m.source());
    }

    private static ManagedInstance withDnsZone(ManagedInstance m, String v) {
        return new ManagedInstance(m.id(), m.name(), m.subnetId(), m.tier(), m.vCores(), m.connectionType(), m.publicDataEndpoint(), m.replicationRole(), m.location(), v.isEmpty() ? null : v, m.managementEndpointIp(), m.source());
    }

    private static ManagedInstance withManagementIp(ManagedInstance m, String v) {
        return new ManagedInstance(m.id(), m.name(), m.subnetId(), m.tier(), m.vCores(), m.connectionType(), m.publicDataEndpoint(), m.replicationRole(), m.location(), m.dnsZone(), v.isEmpty() ? null : v, m.source());
    }

    // ---- the NSG editor: Inbound and Outbound by priority, Azure's rules locked, a form for the selected rule ----

    private Optional<SecurityGroup> nsg() { return elementId == null ? Optional.empty() : doc.design().securityGroup(elementId); }

    /** The rows of a direction: the NSG's own by priority (managed ones marked), then Azure's defaults. */
    static List<RuleRow> ruleRows(SecurityGroup g, Direction d) {
        List<RuleRow> out = new ArrayList<>();
        for (minet.rules.eval.EffectiveRules.Row r : minet.rules.eval.EffectiveRules.rows(g, d)) {
            int index = r.kind() == minet.rules.eval.EffectiveRules.Kind.DEFAULT ? -1 : indexOf(g.rules(), r.rule());
            out.add(RuleRow.of(index, r.rule(), r.kind()));
        }
        return out;
    }

    private static int indexOf(List<SecurityRule> rules, SecurityRule r) {
        for (int i = 0; i < rules.size(); i++) if (rules.get(i) == r) return i;
        return rules.indexOf(r);
    }

    /** Shows {@code row}'s fields in the rule form (null: no rule). */
    public void selectRule(RuleRow row) {
        selectedRule.set(row);
        ruleFields.setAll(row == null ? List.of() : ruleFieldsFor(row));
        ruleNote.set(row == null ? "" : noteFor(row));
    }

    private static String noteFor(RuleRow row) {
        return switch (row.kind()) {
            case DEFAULT -> "One of Azure's default rules: every NSG has it and it cannot be changed or deleted. "
                    + "A rule of your own with a lower priority number decides first.";
            case MANAGED -> "Azure manages this rule for the delegated MI subnet (network intent policy): "
                    + "it cannot be changed or deleted here, and fixes leave it alone.";
            default -> "";
        };
    }

    /** After an edit: the selected rule's new values, in the same fields (focus stays); its row follows its direction. */
    private void refreshRuleForm(SecurityGroup g) {
        RuleRow sel = selectedRule.get();
        if (sel == null) return;
        RuleRow now = null;
        if (sel.index() >= 0 && sel.index() < g.rules().size()) {
            SecurityRule r = g.rules().get(sel.index());
            now = RuleRow.of(sel.index(), r);
        } else if (sel.index() < 0) {
            now = sel; // a default rule does not change
        }
        if (now == null) {
            selectRule(null);
            return;
        }
        selectedRule.set(now);
        List<Field> next = ruleFieldsFor(now);
        boolean same = next.size() == ruleFields.size();
        for (int i = 0; same && i < next.size(); i++) same = next.get(i).id().equals(ruleFields.get(i).id()) && next.get(i).kind() == ruleFields.get(i).kind();
        if (!same) {
            ruleFields.setAll(next);
        } else {
            for (int i = 0; i < next.size(); i++) {
                Field cur = ruleFields.get(i);
                cur.subject = next.get(i).subject;
                String v = next.get(i).text.get();
                if (!v.equals(cur.applied)) cur.set(v);
            }
        }
        ruleNote.set(noteFor(now));
    }

    private static final List<RuleRow.Column> FORM = List.of(RuleRow.Column.NAME, RuleRow.Column.PRIORITY, RuleRow.Column.ACCESS,
            RuleRow.Column.PROTOCOL, RuleRow.Column.SOURCE, RuleRow.Column.SOURCE_PORTS, RuleRow.Column.DESTINATION,
            RuleRow.Column.DESTINATION_PORTS, RuleRow.Column.DIRECTION, RuleRow.Column.DESCRIPTION);

    private List<Field> ruleFieldsFor(RuleRow row) {
        List<Field> out = new ArrayList<>();
        SecurityGroup g = nsg().orElse(null);
        for (RuleRow.Column c : FORM) {
            String id = "rule-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            String label = columnLabel(c);
            String value = row.get(c);
            if (row.locked() || g == null) {
                out.add(readOnly(id, label, value.isEmpty() ? "—" : value));
                continue;
            }
            int index = row.index();
            String gid = g.id();
            Function<String, UnaryOperator<Design>> apply = v -> x -> x.mapSecurityGroup(gid, y -> y.withRules(replaceAt(y.rules(), index, how(c, v.trim()))));
            Field f = switch (c) {
                case ACCESS -> choice(id, label, value, List.of("Allow", "Deny"), apply);
                case DIRECTION -> choice(id, label, value, List.of("Inbound", "Outbound"), apply);
                case PROTOCOL -> choice(id, label, Inputs.normalizedProtocol(value) == null ? value : Inputs.normalizedProtocol(value), Inputs.PROTOCOLS, apply);
                default -> text(id, label, value, v -> checkRuleCell(c, v), apply, ruleHelp(c));
            };
            f.subject = "rule " + row.name();
            out.add(f);
        }
        return out;
    }

    private static String columnLabel(RuleRow.Column c) {
        return switch (c) {
            case PRIORITY -> "Priority";
            case NAME -> "Name";
            case DIRECTION -> "Direction";
            case ACCESS -> "Action";
            case PROTOCOL -> "Protocol";
            case SOURCE -> "Source";
            case SOURCE_PORTS -> "Source port ranges";
            case DESTINATION -> "Destination";
            case DESTINATION_PORTS -> "Destination port ranges";
            case DESCRIPTION -> "Description";
        };
    }

    private static String ruleHelp(RuleRow.Column c) {
        return switch (c) {
            case PRIORITY -> "100–4096; lower numbers are evaluated first";
            case SOURCE, DESTINATION -> "*, a service tag (VirtualNetwork, AzureLoadBalancer, Internet …), addresses or prefixes, comma-separated";
            case SOURCE_PORTS, DESTINATION_PORTS -> "*, a port or a range such as 11000-11999, comma-separated";
            default -> null;
        };
    }

    /** Checks a cell's text; null when it may be applied. */
    public static String checkRuleCell(RuleRow.Column c, String v) {
        switch (c) {
            case PRIORITY: return Inputs.priority(v);
            case NAME: return Inputs.name(v);
            case DIRECTION: return v != null && (v.equalsIgnoreCase("Inbound") || v.equalsIgnoreCase("Outbound")) ? null : "direction is Inbound or Outbound";
            case ACCESS: return v != null && (v.equalsIgnoreCase("Allow") || v.equalsIgnoreCase("Deny")) ? null : "access is Allow or Deny";
            case PROTOCOL: return Inputs.protocol(v);
            case SOURCE: case DESTINATION: return Inputs.addressPrefixes(v);
            case SOURCE_PORTS: case DESTINATION_PORTS: return Inputs.ports(v);
            default: return null;
        }
    }

    /** How a checked value changes a rule. */
    private static UnaryOperator<SecurityRule> how(RuleRow.Column c, String t) {
        switch (c) {
            case PRIORITY: return r -> r.withPriority(Integer.parseInt(t));
            case NAME: return r -> r.withName(t);
            case DIRECTION: return r -> r.withDirection(Direction.parse(t));
            case ACCESS: return r -> r.withAccess(Access.parse(t));
            case PROTOCOL: return r -> r.withProtocol(Inputs.normalizedProtocol(t));
            case SOURCE: return r -> r.withSourcePrefixes(Inputs.list(t));
            case SOURCE_PORTS: return r -> r.withSourcePorts(Inputs.list(t));
            case DESTINATION: return r -> r.withDestinationPrefixes(Inputs.list(t));
            case DESTINATION_PORTS: return r -> r.withDestinationPorts(Inputs.list(t));
            default: return r -> r.withDescription(t.isEmpty() ? null : t);
        }
    }

    /** Edits one value of rule {@code index} (its place in the NSG); returns the error (nothing applied) or null. */
    public String editRule(int index, RuleRow.Column c, String v) {
        String err = checkRuleCell(c, v);
        if (err != null) {
            status.accept(err);
            return err;
        }
        SecurityGroup g = nsg().orElse(null);
        if (g == null || index < 0 || index >= g.rules().size()) return "no such rule";
        if (EffectiveRules.managedByAzure(g.rules().get(index))) return refuse("Azure manages rule " + g.rules().get(index).name() + ": it cannot be changed");
        String rule = g.rules().get(index).name();
        doc.execute(Command.of("Edit rule " + rule, x -> x.mapSecurityGroup(g.id(), y -> y.withRules(replaceAt(y.rules(), index, how(c, v.trim()))))));
        return null;
    }

    private String refuse(String why) {
        status.accept(why);
        return why;
    }

    /**
     * The priority a new rule of direction {@code d} takes: the first multiple of 10 after the direction's last rule,
     * or, when that rule is at the end of the range (a deny-all at 4096), the last free multiple of 10 before it, so
     * the new rule is evaluated after the others and before the catch-all. -1 when every number is taken.
     */
    static int nextFreePriority(List<SecurityRule> rules, Direction d) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        int highest = 0;
        for (SecurityRule r : rules) {
            if (r.direction() != d || r.priority() == null) continue;
            used.add(r.priority());
            if (r.priority() <= 4096) highest = Math.max(highest, r.priority());
        }
        for (int p = Math.max(100, (highest / 10 + 1) * 10); p <= 4096; p += 10) if (!used.contains(p)) return p;
        for (int p = (highest - 1) / 10 * 10; p >= 100; p -= 10) if (!used.contains(p)) return p;
        for (int p = 100; p <= 4096; p++) if (!used.contains(p)) return p;
        return -1;
    }

    /**
     * Adds a rule of direction {@code d} at the next free priority, as the portal does (Allow, any protocol, port
     * 8080, from and to any; the user changes it in the form) and selects it. Returns its index in the NSG, or -1.
     */
    public int addRule(Direction d) {
        SecurityGroup g = nsg().orElse(null);
        if (g == null) return -1;
        int p = nextFreePriority(g.rules(), d);
        if (p < 0) {
            status.accept("Every priority from 100 to 4096 is taken");
            return -1;
        }
        String word = d == Direction.INBOUND ? "Inbound" : "Outbound";
        java.util.Set<String> names = new java.util.HashSet<>();
        for (SecurityRule r : g.rules()) names.add(Inputs.lower(r.name()));
        String name = "AllowAnyCustom8080" + word;
        for (int n = 2; names.contains(Inputs.lower(name)); n++) name = "AllowAnyCustom8080" + word + "_" + n;
        SecurityRule r = SecurityRule.of(name, p, d, Access.ALLOW, "*", List.of("*"), List.of("*"), List.of("*"), List.of("8080"));
        int at = g.rules().size();
        doc.execute(Command.of("Add rule " + name, x -> x.mapSecurityGroup(g.id(), y -> y.withRules(Lists.plus(y.rules(), r)))));
        nsg().ifPresent(now -> selectRule(RuleRow.of(at, now.rules().get(at))));
        return at;
    }

    /** Removes one of the user's rules (Azure's defaults and managed rules stay). */
    public void removeRule(int index) {
        SecurityGroup g = nsg().orElse(null);
        if (g == null || index < 0 || index >= g.rules().size()) return;
        SecurityRule r = g.rules().get(index);
        if (EffectiveRules.managedByAzure(r)) {
            refuse("Azure manages rule " + r.name() + ": it cannot be deleted");
            return;
        }
        if (selectedRule.get() != null && selectedRule.get().index() == index) selectRule(null);
        doc.execute(Command.of("Remove rule " + r.name(), x -> x.mapSecurityGroup(g.id(), y -> {
            List<SecurityRule> l = new ArrayList<>(y.rules());
            l.remove(index);
            return y.withRules(l);
        })));
    }

    /**
     * Moves a rule up or down in its direction's order of evaluation: it swaps priorities with its neighbour, so the
     * table (sorted by priority) and Azure agree. Azure's rules are not moved, nor moved past. Returns the index of
     * the rule (unchanged: its place in the NSG's list does not matter).
     */
    public int moveRule(int index, int delta) {
        SecurityGroup g = nsg().orElse(null);
        if (g == null || index < 0 || index >= g.rules().size()) return index;
        SecurityRule r = g.rules().get(index);
        List<RuleRow> rows = r.direction() == Direction.OUTBOUND ? ruleRows(g, Direction.OUTBOUND) : ruleRows(g, Direction.INBOUND);
        int at = -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).index() == index) at = i;
        int to = at + delta;
        if (at < 0 || to < 0 || to >= rows.size() || rows.get(at).locked() || rows.get(to).locked()) return index;
        int other = rows.get(to).index();
        SecurityRule o = g.rules().get(other);
        if (r.priority() == null || o.priority() == null) return index;
        doc.execute(Command.of((delta < 0 ? "Move up rule " : "Move down rule ") + r.name(), x -> x.mapSecurityGroup(g.id(), y -> {
            List<SecurityRule> l = new ArrayList<>(y.rules());
            l.set(index, r.withPriority(o.priority()));
            l.set(other, o.withPriority(r.priority()));
            return y.withRules(l);
        })));
        return index;
    }

    // ---- the route table ----

    private Optional<RouteTable> routeTable() { return elementId == null ? Optional.empty() : doc.design().routeTable(elementId); }

    public static String checkRouteCell(RouteRow.Column c, String v) {
        switch (c) {
            case NAME: return Inputs.name(v);
            case ADDRESS_PREFIX: return Inputs.cidr(v);
            case NEXT_HOP_TYPE: return Route.NEXT_HOP_TYPES.stream().anyMatch(t -> t.equalsIgnoreCase(v == null ? "" : v.trim())) ? null
                    : "next hop is one of " + String.join(", ", Route.NEXT_HOP_TYPES);
            default: return Inputs.ip(v, true);
        }
    }

    public String editRoute(int index, RouteRow.Column c, String v) {
        String err = checkRouteCell(c, v);
        if (err != null) {
            status.accept(err);
            return err;
        }
        RouteTable t = routeTable().orElse(null);
        if (t == null || index < 0 || index >= t.routes().size()) return "no such route";
        String s = v.trim();
        UnaryOperator<Route> how;
        switch (c) {
            case NAME: how = r -> r.withName(s); break;
            case ADDRESS_PREFIX: how = r -> r.withAddressPrefix(s); break;
            case NEXT_HOP_TYPE: how = r -> r.withNextHopType(Route.NEXT_HOP_TYPES.stream().filter(x -> x.equalsIgnoreCase(s)).findFirst().orElse(s)); break;
            default: how = r -> r.withNextHopIpAddress(s.isEmpty() ? null : s);
        }
        String name = t.routes().get(index).name();
        doc.execute(Command.of("Edit route " + name, x -> x.mapRouteTable(t.id(), y -> y.withRoutes(replaceAt(y.routes(), index, how)))));
        return null;
    }

    public int addRoute(int after) {
        RouteTable t = routeTable().orElse(null);
        if (t == null) return -1;
        int n = 1;
        while (true) {
            final String cand = "route-" + n;
            if (t.routes().stream().noneMatch(r -> cand.equalsIgnoreCase(r.name()))) break;
            n++;
        }
        Route r = Route.of("route-" + n, "0.0.0.0/0", Route.INTERNET);
        int at = Math.min(t.routes().size(), after + 1);
        doc.execute(Command.of("Add route " + r.name(), x -> x.mapRouteTable(t.id(), y -> {
            List<Route> l = new ArrayList<>(y.routes());
            l.add(Math.min(at, l.size()), r);
            return y.withRoutes(l);
        })));
        return at;
    }

    public void removeRoute(int index) {
        RouteTable t = routeTable().orElse(null);
        if (t == null || index < 0 || index >= t.routes().size()) return;
        doc.execute(Command.of("Remove route " + t.routes().get(index).name(), x -> x.mapRouteTable(t.id(), y -> {
            List<Route> l = new ArrayList<>(y.routes());
            l.remove(index);
            return y.withRoutes(l);
        })));
    }

    /** Routes have no order in Azure (longest prefix wins); moving them only tidies the list. */
    public int moveRoute(int index, int delta) {
        RouteTable t = routeTable().orElse(null);
        int o = index + delta;
        if (t == null || index < 0 || index >= t.routes().size() || o < 0 || o >= t.routes().size()) return index;
        doc.execute(Command.of("Move route " + t.routes().get(index).name(), x -> x.mapRouteTable(t.id(), y -> {
            List<Route> l = new ArrayList<>(y.routes());
            Route a = l.get(index);
            l.set(index, l.get(o));
            l.set(o, a);
            return y.withRoutes(l);
        })));
        return o;
    }

    private static <T> List<T> replaceAt(List<T> l, int i, UnaryOperator<T> how) {
        List<T> out = new ArrayList<>(l);
        if (i >= 0 && i < out.size()) out.set(i, how.apply(out.get(i)));
        return out;
    }
}
