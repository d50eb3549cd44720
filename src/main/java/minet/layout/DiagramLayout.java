package minet.layout;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import minet.layout.DiagramNode.Usage;
import minet.model.Bounds;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.Lists;
import minet.model.ManagedInstance;
import minet.model.Peering;
import minet.model.Subnet;
import minet.model.SubnetResource;
import minet.model.VirtualNetwork;
import minet.model.Direction;
import minet.model.FailoverGroup;
import minet.model.GatewayConnection;
import minet.model.SecurityGroup;
import minet.rules.AzureRules;
import minet.rules.Catalog;
import minet.rules.Profile;
import minet.rules.Seed;
import minet.rules.Sizing;
import minet.rules.Validator;

/**
 * Lays a design out as the canvas and {@code render} draw it, in the era of a {@link Profile}: the instance's parts
 * and the flows that era's rules govern, read from the profile's data (until 11/2022 a management endpoint and an
 * external load balancer, management traffic in and out; from then on health probes, traffic inside the subnet and
 * the outbound services the profile names). A failover group's two instances replicate both ways; VNets the design
 * joins by peering or gateways are linked. Deterministic: the same design and profile give the same picture.
 * Positions the user stored in {@link Design#layout()} win; everything else is placed on a grid so that nothing
 * overlaps and containers contain their children:
 * <pre>
 *   on-premises      ┌ VNet ──────────────────────────────┐     management services
 *   peered VNets     │ ┌ MI subnet ─────────┐ ┌ subnet ┐  │     Azure Storage, Event Hubs,
 *                    │ │ virtual cluster    │ └────────┘  │     Azure AD, Key Vault …
 *                    │ └────────────────────┘             │
 *                    └────────────────────────────────────┘
 *                      client applications
 * </pre>
 */
public final class DiagramLayout {
    public static final double GRID = 10;
    public static final double SUBNET_W = 280, SUBNET_H = 150;
    public static final double EXTERNAL_W = 290, EXTERNAL_H = 80;
    static final double MARGIN = 40, LEFT_X = 40, VNET_X = LEFT_X + EXTERNAL_W + 90, GAP = 30;
    static final double VNET_HEADER = 70, VNET_PAD = 20;
    /** Where a subnet's cards (NSG, route table) sit and where an MI subnet's virtual cluster starts. */
    public static final double CARD_Y = 84, CARD_H = 28, CLUSTER_Y = 130;
    static final double CLUSTER_HEADER = 30, PAD = 20, COL_GAP = 40, LOOP_W = 60;
    static final double ILB_W = 310, GW_W = 180, ENGINE_W = 230, EXTLB_W = 220, PART_H = 80;
    static final double ENGINE_GP_H = 80, ENGINE_BC_H = 130;

    /** The implicit management services box when a design with an MI has none of its own. */
    public static final String IMPLICIT_MANAGEMENT = "implicit:management";
    /** The id prefix of a service an era's rules require that the design does not name ("implicit:service:storage.westeurope"). */
    public static final String IMPLICIT_SERVICE = "implicit:service:";

    private final Design design;
    private final Profile profile;
    private final List<DiagramNode> nodes = new ArrayList<>();
    private final List<DiagramFlow> flows = new ArrayList<>();
    private final Map<String, Bounds> placed = new LinkedHashMap<>();

    private DiagramLayout(Design design, Profile profile) {
        this.design = design;
        this.profile = profile;
    }

    /** The profile {@code auto} picks for the design (see {@link Validator#choose(Design)}): the era drawn by default. */
    public static Profile profileOf(Design design) {
        return Validator.choose(design).profile();
    }

    /** {@link #of(Design, Profile)} in the era {@code auto} picks for the design. */
    public static Diagram of(Design design) {
        return of(design, profileOf(design));
    }

    /**
     * The picture the canvas, {@code render} and the exports show: boxes and arrows arranged by the Eclipse Layout
     * Kernel ({@link Arranger}: layered, orthogonal edges, labels clear of boxes and of each other), boxes the user
     * placed where they were put. The first call loads ELK (about a second cold): the window calls it off the FX
     * thread and shows {@link #quick} until then.
     */
    public static Diagram of(Design design, Profile profile) {
        return arrange(quick(design, profile), design.layout());
    }

    /** {@link #of} from the quick sketch: a caller that kept the last sketch can skip ELK when it did not change. */
    public static Diagram arrange(Diagram sketch, minet.model.Layout stored) {
        if (sketch.nodes().isEmpty()) return sketch;
        try {
            return Arranger.arrange(sketch, stored);
        } catch (RuntimeException | LinkageError e) {
            // A layout engine failure must not cost the user the picture: the hand-placed one is still right.
            java.util.logging.Logger.getLogger(DiagramLayout.class.getName()).log(java.util.logging.Level.WARNING, "arranging the diagram failed", e);
            return sketch;
        }
    }

    /** {@link #quick(Design, Profile)} in the era {@code auto} picks for the design. */
    public static Diagram quick(Design design) {
        return quick(design, profileOf(design));
    }

    /**
     * The same boxes and arrows placed on a grid by hand, with simple elbow arrows: instant, without ELK. The canvas
     * shows it until ELK is loaded; the flows and their traffic are the same as {@link #of}'s.
     */
    public static Diagram quick(Design design, Profile profile) {
        Diagram d = new DiagramLayout(design, profile).build();
        return new Diagram(d.nodes(), Routes.elbows(d.nodes(), d.flows()), d.extent());
    }

    /**
     * Loads the layout engine (a second or so of class loading, cold) so that the first real layout is quick. The
     * window calls it on a background thread after its first frame.
     */
    public static void warmUp() {
        Subnet mi = new Subnet("v/mi", "mi", List.of("10.0.0.0/24"), null, null, List.of(), List.of(Subnet.MI_DELEGATION), List.of(), false, null);
        of(Design.empty("warm-up").withVirtualNetworks(List.of(new VirtualNetwork("v", "v", null, List.of("10.0.0.0/16"), List.of(), false, List.of(), List.of(mi), null))));
    }

    /** Why the implied management services are drawn though the design does not name them. */
    public static final String IMPLICIT_MANAGEMENT_WHY = "Drawn because, until the November 2022 feature wave, every managed instance is run by "
            + "Microsoft's management services through its management endpoint: their traffic (TCP 9000, 9003, 1438, 1440, 1452 in; 443 and "
            + "12000 out, in 2019 also 80) must pass the MI subnet's NSG and route table. It is not part of the design: add Management "
            + "services from the palette to name it.";

    /** The smallest size an MI subnet may take in the era {@code auto} picks: its virtual cluster must fit. */
    public static Bounds minimumMiSubnet(Design d, Subnet s) {
        return minimumMiSubnet(d, s, profileOf(d));
    }

    /** The smallest size an MI subnet may take: its virtual cluster (with a management endpoint's row or not) must fit. */
    public static Bounds minimumMiSubnet(Design d, Subnet s, Profile p) {
        return new Bounds(0, 0, PAD * 2 + clusterWidth(), CLUSTER_Y + clusterHeight(d.instancesIn(s), p.managementEndpoint()) + PAD);
    }

    /** Why an implied party is drawn (the properties panel shows it): management services, or a service the era requires. */
    public static String whyDrawn(DiagramNode implied) {
        if (implied.id().startsWith(IMPLICIT_SERVICE)) {
            return "Drawn because the rules of this era require " + implied.lines().get(0) + " from every MI subnet to the service tag "
                    + implied.title() + ": Azure writes that rule itself in a delegated subnet, and no rule of the NSG may block it. It is not part"
                    + " of the design: add an Azure service with this service tag from the palette to name it.";
        }
        return IMPLICIT_MANAGEMENT_WHY;
    }

    /** Addresses a subnet needs: the seed's sizing for its instances ({@link Sizing}: 5 reserved, 2 per General
     *  Purpose, 4 per Business Critical), plus one per other resource in it. */
    public static Usage usage(Design d, Subnet s) {
        long gp = d.instancesIn(s).stream().filter(m -> m.tier() != ManagedInstance.Tier.BUSINESS_CRITICAL).count();
        long needed = Sizing.of(gp, d.instancesIn(s).size() - gp).needed();
        needed += s.resources().stream().filter(r -> !r.belongsToManagedInstance()).count();
        long size = 0;
        for (String p : s.addressPrefixes()) {
            IPAddress a = new IPAddressString(p).getAddress();
            if (a != null) size += a.toPrefixBlock().getCount().min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        }
        return new Usage(needed, size);
    }

    /** The internal load balancer's private IP as drawn: the first address Azure hands out (network + 4). */
    public static Optional<String> firstUsableAddress(String prefix) {
        IPAddress a = prefix == null ? null : new IPAddressString(prefix).getAddress();
        if (a == null || a.getNetworkPrefixLength() == null) return Optional.empty();
        IPAddress block = a.toPrefixBlock();
        if (block.getCount().compareTo(java.math.BigInteger.valueOf(5)) < 0) return Optional.empty();
        return Optional.of(block.getLower().increment(4).withoutPrefixLength().toCanonicalString());
    }

    // ---------------------------------------------------------------------------------------------------------

    private Diagram build() {
        double y = MARGIN;
        // The left column holds on-premises, peered VNets and unattached cards: without them the VNet moves left.
        boolean leftColumn = design.externalNetworks().stream().anyMatch(e -> (e.kind() == ExternalNetwork.Kind.ON_PREMISES
                        || e.kind() == ExternalNetwork.Kind.PEERED_VNET) && stored(e.id()).isEmpty())
                || design.securityGroups().stream().anyMatch(g -> design.subnets().noneMatch(sn -> Lists.sameId(sn.nsgId(), g.id())))
                || design.routeTables().stream().anyMatch(t -> design.subnets().noneMatch(sn -> Lists.sameId(sn.routeTableId(), t.id())));
        double vnetX = leftColumn ? VNET_X : LEFT_X;
        double vnetRight = vnetX + SUBNET_W, vnetBottom = MARGIN;
        for (VirtualNetwork v : design.virtualNetworks()) {
            Bounds vb = layoutVnet(v, vnetX, y);
            y = vb.y() + vb.height() + GAP * 2;
            vnetRight = Math.max(vnetRight, vb.x() + vb.width());
            vnetBottom = Math.max(vnetBottom, vb.y() + vb.height());
        }
        layoutExternals(vnetRight, vnetBottom);
        layoutFlows();
        double maxX = 0, maxY = 0, minX = Double.MAX_VALUE, minY = Double.MAX_VALUE;
        for (DiagramNode n : nodes) {
            Bounds b = n.bounds();
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.x() + b.width());
            maxY = Math.max(maxY, b.y() + b.height());
        }
        Bounds extent = nodes.isEmpty() ? new Bounds(0, 0, 800, 600)
                : new Bounds(Math.min(0, minX - MARGIN), Math.min(0, minY - MARGIN), maxX + MARGIN - Math.min(0, minX - MARGIN), maxY + MARGIN - Math.min(0, minY - MARGIN));
        return new Diagram(nodes, flows, extent);
    }

    private Optional<Bounds> stored(String id) {
        return id == null ? Optional.empty() : design.layout().of(id);
    }

    /** Moves an automatically placed box down until it overlaps nothing placed so far among {@code others}. */
    private static Bounds free(Bounds b, List<Bounds> others) {
        Bounds cur = b;
        for (int guard = 0; guard < 10_000; guard++) {
            Bounds hit = null;
            for (Bounds o : others) if (o.overlaps(cur)) { hit = o; break; }
            if (hit == null) return cur;
            cur = new Bounds(cur.x(), hit.y() + hit.height() + GAP, cur.width(), cur.height());
        }
        return cur;
    }

    private Bounds layoutVnet(VirtualNetwork v, double autoX, double autoY) {
        Optional<Bounds> vStored = stored(v.id());
        double ox = vStored.map(Bounds::x).orElse(autoX), oy = vStored.map(Bounds::y).orElse(autoY);
        List<Subnet> mi = v.subnets().stream().filter(design::isMiSubnet).toList();
        List<Subnet> other = v.subnets().stream().filter(s -> !design.isMiSubnet(s)).toList();

        // Auto positions relative to the VNet's origin: other subnets in a grid on the left (beside on-premises and
        // its gateway), MI subnets in a column on the right (beside the Azure services they talk to).
        Map<String, Bounds> auto = new LinkedHashMap<>();
        double miColumnHeight = 0;
        for (Subnet s : mi) miColumnHeight += minimumMiSubnet(design, s, profile).height() + GAP;
        int n = other.size();
        double gridRight = ox + VNET_PAD;
        if (n > 0) {
            int cols = (int) Math.ceil(Math.sqrt(0.57 * n));
            int rows = (int) Math.ceil((double) n / cols);
            if (!mi.isEmpty()) {
                int fit = (int) Math.max(1, Math.floor(miColumnHeight / (SUBNET_H + GAP)));
                rows = Math.max(Math.min(fit, n), rows);
                cols = (int) Math.ceil((double) n / rows);
            }
            double gx = ox + VNET_PAD, gy = oy + VNET_HEADER;
            for (int i = 0; i < n; i++) {
                int col = i / rows, row = i % rows;
                auto.put(other.get(i).id(), new Bounds(gx + col * (SUBNET_W + GAP), gy + row * (SUBNET_H + GAP), SUBNET_W, SUBNET_H));
            }
            gridRight = gx + cols * (SUBNET_W + GAP);
        }
        double cx = gridRight, cy = oy + VNET_HEADER;
        for (Subnet s : mi) {
            Bounds min = minimumMiSubnet(design, s, profile);
            Bounds b = new Bounds(cx, cy, min.width(), min.height());
            auto.put(s.id(), b);
            cy += b.height() + GAP;
        }
        // Stored positions first, then auto positions pushed clear of them.
        List<Bounds> taken = new ArrayList<>();
        Map<String, Bounds> finalBounds = new LinkedHashMap<>();
        for (Subnet s : v.subnets()) stored(s.id()).ifPresent(b -> { finalBounds.put(s.id(), atLeastMinimum(s, b)); taken.add(finalBounds.get(s.id())); });
        for (Subnet s : v.subnets()) {
            if (finalBounds.containsKey(s.id())) continue;
            Bounds b = free(auto.get(s.id()), taken);
            finalBounds.put(s.id(), b);
            taken.add(b);
        }
        // The VNet contains its subnets, whatever size was stored.
        double right = ox + VNET_PAD + SUBNET_W, bottom = oy + VNET_HEADER + 60;
        double left = ox, top = oy;
        for (Bounds b : finalBounds.values()) {
            right = Math.max(right, b.x() + b.width());
            bottom = Math.max(bottom, b.y() + b.height());
            left = Math.min(left, b.x() - VNET_PAD);
            top = Math.min(top, b.y() - VNET_HEADER);
        }
        double w = right + VNET_PAD - left, h = bottom + VNET_PAD - top;
        if (vStored.isPresent()) {
            w = Math.max(w, vStored.get().width() + ox - left);
            h = Math.max(h, vStored.get().height() + oy - top);
        }
        Bounds vb = new Bounds(left, top, w, h);
        List<String> lines = new ArrayList<>();
        String role = failoverRole(v);
        if (role != null) {
            // The two regions of a failover group side by side: the region first, then what the VNet is in the pair.
            lines.add(regionOf(v).map(r -> "region " + r + "  ·  ").orElse("") + role);
            lines.add(String.join(", ", v.addressSpaces()));
        } else {
            lines.add(String.join(", ", v.addressSpaces()) + (v.location() == null ? "" : "  ·  " + v.location()));
        }
        if (!v.dnsServers().isEmpty()) lines.add("DNS " + String.join(", ", v.dnsServers()));
        add(new DiagramNode(v.id(), v.id(), NodeKind.VNET, null, vb, v.name(), lines, null));
        for (Subnet s : v.subnets()) layoutSubnet(v, s, finalBounds.get(s.id()));
        return vb;
    }

    /** "primary of failover group 'fog-orders'" for a VNet that holds an instance of a failover group, else null. */
    private String failoverRole(VirtualNetwork v) {
        List<String> roles = new ArrayList<>();
        for (FailoverGroup g : design.failoverGroups()) {
            if (inVnet(g.primaryInstanceId(), v)) roles.add("primary of failover group '" + g.name() + "'");
            else if (inVnet(g.secondaryInstanceId(), v)) roles.add("secondary of failover group '" + g.name() + "'");
        }
        return roles.isEmpty() ? null : String.join(", ", roles);
    }

    private boolean inVnet(String instanceId, VirtualNetwork v) {
        return design.managedInstance(instanceId).map(m -> v.subnet(m.subnetId()).isPresent()).orElse(false);
    }

    /** The VNet's region, else that of an instance in it. */
    private Optional<String> regionOf(VirtualNetwork v) {
        if (v.location() != null && !v.location().isBlank()) return Optional.of(v.location());
        return design.managedInstances().stream().filter(m -> v.subnet(m.subnetId()).isPresent()).map(ManagedInstance::location)
                .filter(l -> l != null && !l.isBlank()).findFirst();
    }

    private Bounds atLeastMinimum(Subnet s, Bounds b) {
        Bounds min = design.isMiSubnet(s) ? minimumMiSubnet(design, s, profile) : new Bounds(0, 0, 200, 120);
        return new Bounds(b.x(), b.y(), Math.max(b.width(), min.width()), Math.max(b.height(), min.height()));
    }

    private void layoutSubnet(VirtualNetwork v, Subnet s, Bounds b) {
        boolean mi = design.isMiSubnet(s);
        List<String> lines = new ArrayList<>();
        lines.add(s.addressPrefixes().isEmpty() ? "no address prefix" : String.join(", ", s.addressPrefixes()));
        if (!s.delegations().isEmpty()) lines.add("delegated to " + String.join(", ", s.delegations()));
        if (!s.serviceEndpoints().isEmpty()) lines.add("service endpoints: " + String.join(", ", s.serviceEndpoints()));
        add(new DiagramNode(s.id(), s.id(), mi ? NodeKind.MI_SUBNET : NodeKind.SUBNET, v.id(), b, s.name(), lines, usage(design, s)));

        // Two cards share the header's width; one alone may take all of it.
        double cardX = b.x() + PAD, maxCardW = s.nsgId() != null && s.routeTableId() != null ? (b.width() - PAD * 3) / 2 : b.width() - PAD * 2;
        if (s.nsgId() != null) {
            String name = design.securityGroup(s.nsgId()).map(g -> g.name() + " · " + g.rules().size() + " rules").orElse(s.nsgId() + " (missing)");
            double cardW = cardWidth(name, maxCardW);
            add(new DiagramNode("nsg@" + s.id(), s.nsgId(), NodeKind.NSG, s.id(), new Bounds(cardX, b.y() + CARD_Y, cardW, CARD_H), name, List.of(), null));
            cardX += cardW + PAD;
        }
        if (s.routeTableId() != null) {
            String name = design.routeTable(s.routeTableId()).map(t -> t.name() + " · " + t.routes().size() + " routes").orElse(s.routeTableId() + " (missing)");
            add(new DiagramNode("rt@" + s.id(), s.routeTableId(), NodeKind.ROUTE_TABLE, s.id(),
                    new Bounds(cardX, b.y() + CARD_Y, cardWidth(name, maxCardW), CARD_H), name, List.of(), null));
        }
        if (!mi) {
            double rx = b.x() + PAD, ry = b.y() + CARD_Y + CARD_H + 8;
            for (SubnetResource r : s.resources()) {
                if (ry + 24 > b.y() + b.height()) break;
                String label = r.name() == null ? shortKind(r.kind()) : r.name();
                add(new DiagramNode(resourceNodeId(s, r), s.id(), NodeKind.SUBNET_RESOURCE, s.id(), new Bounds(rx, ry, Math.min(230, b.width() - 2 * PAD), 24),
                        label, r.kind() == null ? List.of() : List.of(shortKind(r.kind())), null));
                ry += 30;
            }
            return;
        }
        layoutCluster(s, b);
    }

    static String resourceNodeId(Subnet s, SubnetResource r) {
        return "res:" + s.id() + "/" + (r.id() != null ? r.id() : r.name());
    }

    /** "Microsoft.Network/virtualNetworkGateways" → "virtual network gateway". */
    static String shortKind(String kind) {
        if (kind == null) return "resource";
        // Fits the gateway's card beside its name ("vgw-weu · VNet gateway"), where the long name was cut.
        if (kind.equalsIgnoreCase(SubnetResource.GATEWAY)) return "VNet gateway";
        String last = kind.substring(kind.lastIndexOf('/') + 1);
        if (last.endsWith("s")) last = last.substring(0, last.length() - 1);
        return last.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static double clusterWidth() {
        // Row 1: load balancer → gateway → engines (+ room for the intra-subnet loop); row 2: external LB ← endpoint.
        return PAD + ILB_W + COL_GAP + GW_W + COL_GAP + ENGINE_W + LOOP_W + PAD;
    }

    private static double enginesHeight(List<ManagedInstance> ms) {
        if (ms.isEmpty()) return ENGINE_GP_H;
        double h = 0;
        for (ManagedInstance m : ms) h += (m.tier() == ManagedInstance.Tier.BUSINESS_CRITICAL ? ENGINE_BC_H : ENGINE_GP_H) + 10;
        return h - 10;
    }

    /** Row 1 (load balancer, gateway, engines); row 2 (external load balancer, management endpoint) only in their era. */
    private static double clusterHeight(List<ManagedInstance> ms, boolean managementEndpoint) {
        double row1 = Math.max(PART_H, enginesHeight(ms));
        return CLUSTER_HEADER + row1 + (managementEndpoint ? COL_GAP + PART_H : 0) + PAD;
    }

    private void layoutCluster(Subnet s, Bounds sb) {
        List<ManagedInstance> ms = design.instancesIn(s);
        double x0 = sb.x() + PAD, y0 = sb.y() + CLUSTER_Y;
        Bounds cb = new Bounds(x0, y0, sb.width() - 2 * PAD, sb.height() - CLUSTER_Y - PAD);
        String clusterTitle = ms.isEmpty() ? "Virtual cluster (no managed instance yet)" : "Virtual cluster";
        add(new DiagramNode("cluster@" + s.id(), s.id(), NodeKind.VIRTUAL_CLUSTER, s.id(), cb, clusterTitle, List.of(), null));
        String first = ms.isEmpty() ? s.id() : ms.get(0).id();
        double rowY = y0 + CLUSTER_HEADER;
        double x = x0 + PAD;
        List<String> ilbLines = new ArrayList<>();
        ilbLines.add(firstUsableAddress(s.prefix()).map(ip -> "private IP " + ip).orElse("private IP in the subnet"));
        for (ManagedInstance m : ms) ilbLines.add(m.hostName());
        add(new DiagramNode("ilb@" + s.id(), first, NodeKind.INTERNAL_LB, "cluster@" + s.id(), new Bounds(x, rowY, ILB_W, PART_H), "Internal load balancer", ilbLines, null));
        x += ILB_W + COL_GAP;
        add(new DiagramNode("gw@" + s.id(), first, NodeKind.GATEWAY, "cluster@" + s.id(), new Bounds(x, rowY, GW_W, PART_H), "Gateway", List.of("routes by host name"), null));
        x += GW_W + COL_GAP;
        double ex = x, ey = rowY;
        for (ManagedInstance m : ms) {
            boolean bc = m.tier() == ManagedInstance.Tier.BUSINESS_CRITICAL;
            double h = bc ? ENGINE_BC_H : ENGINE_GP_H;
            add(new DiagramNode("engine@" + m.id(), m.id(), NodeKind.ENGINE_NODES, "cluster@" + s.id(), new Bounds(ex, ey, ENGINE_W, h), m.name(),
                    List.of((bc ? "Business Critical" : "General Purpose") + (m.vCores() > 0 ? " · " + m.vCores() + " vCores" : ""),
                            bc ? "4 replicas (1 primary, 3 secondary)" : "1 node"), null));
            ey += h + 10;
        }
        // From the November 2022 feature wave on, the instance has no management endpoint and no external load balancer.
        if (!profile.managementEndpoint()) return;
        double row2 = rowY + Math.max(PART_H, enginesHeight(ms)) + COL_GAP;
        double gwX = x0 + PAD + ILB_W + COL_GAP;
        add(new DiagramNode("extlb@" + s.id(), first, NodeKind.EXTERNAL_LB, "cluster@" + s.id(), new Bounds(gwX, row2, EXTLB_W, PART_H), "External load balancer",
                List.of("management ports only"), null));
        x = ex + ENGINE_W + LOOP_W - EXTLB_W;
        String ip = ms.stream().map(ManagedInstance::managementEndpointIp).filter(i -> i != null && !i.isBlank()).findFirst()
                .map(i -> "public IP " + i).orElse("public IP (assigned by Azure)");
        add(new DiagramNode("mgmtep@" + s.id(), first, NodeKind.MANAGEMENT_ENDPOINT, "cluster@" + s.id(), new Bounds(x, row2, EXTLB_W, PART_H), "Management endpoint",
                List.of(ip), null));
    }

    private void layoutExternals(double vnetRight, double vnetBottom) {
        double leftY = MARGIN + VNET_HEADER, rightY = MARGIN, bottomX = VNET_X;
        // Clients sit under the first internal load balancer they connect to.
        for (DiagramNode n : nodes) if (n.kind() == NodeKind.INTERNAL_LB) { bottomX = n.bounds().x(); break; }
        double rightX = vnetRight + 170;
        List<ExternalNetwork> exts = new ArrayList<>(design.externalNetworks());
        boolean hasMgmt = exts.stream().anyMatch(e -> e.kind() == ExternalNetwork.Kind.MANAGEMENT);
        List<Bounds> taken = new ArrayList<>(placed.values());
        for (ExternalNetwork e : exts) stored(e.id()).ifPresent(taken::add);
        if (!hasMgmt && managementEra() && !design.miSubnets().isEmpty()) {
            Bounds b = free(new Bounds(rightX, rightY, EXTERNAL_W, EXTERNAL_H), taken);
            taken.add(b);
            rightY = b.y() + b.height() + GAP;
            add(new DiagramNode(IMPLICIT_MANAGEMENT, IMPLICIT_MANAGEMENT, NodeKind.MANAGEMENT, null, b, "Microsoft management services",
                    List.of("SqlManagement (implied)"), null));
        }
        // Order: management first on the right, then Azure services; on-premises then peered VNets on the left.
        exts.sort(java.util.Comparator.comparingInt(e -> e.kind().ordinal() == ExternalNetwork.Kind.MANAGEMENT.ordinal() ? 0 : 1));
        for (ExternalNetwork e : exts) {
            NodeKind kind = kindOf(e);
            Optional<Bounds> st = stored(e.id());
            Bounds b;
            if (st.isPresent()) {
                b = st.get();
            } else {
                switch (kind) {
                    case MANAGEMENT: case AZURE_SERVICE:
                        b = free(new Bounds(rightX, rightY, EXTERNAL_W, EXTERNAL_H), taken);
                        rightY = b.y() + b.height() + GAP;
                        break;
                    case CLIENT:
                        b = free(new Bounds(bottomX, vnetBottom + 110, EXTERNAL_W, EXTERNAL_H), taken);
                        bottomX = b.x() + b.width() + GAP * 2;
                        break;
                    default:
                        b = free(new Bounds(LEFT_X, leftY, EXTERNAL_W, EXTERNAL_H + 10), taken);
                        leftY = b.y() + b.height() + GAP * 2;
                }
                taken.add(b);
            }
            add(new DiagramNode(e.id(), e.id(), kind, null, b, e.name(), externalLines(e), null));
        }
        // The services the era's rules require that the design does not name: one implied box per service tag.
        for (ServiceTarget t : serviceTargets()) {
            if (placed.containsKey(t.nodeId()) || !t.nodeId().startsWith(IMPLICIT_SERVICE)) continue;
            Bounds b = free(new Bounds(rightX, rightY, EXTERNAL_W, EXTERNAL_H), taken);
            taken.add(b);
            rightY = b.y() + b.height() + GAP;
            add(new DiagramNode(t.nodeId(), t.nodeId(), NodeKind.AZURE_SERVICE, null, b, shown(t.tag()),
                    List.of("outbound " + traffic(t.requirement()), "required (implied)"), null));
        }
        // NSGs and route tables no subnet uses still need a box: otherwise they could not be selected and edited.
        for (var g : design.securityGroups()) {
            if (design.subnets().anyMatch(sn -> Lists.sameId(sn.nsgId(), g.id()))) continue;
            Bounds b = free(new Bounds(LEFT_X, leftY, EXTERNAL_W, CARD_H), taken);
            taken.add(b);
            leftY = b.y() + b.height() + 12;
            add(new DiagramNode("nsg@" + g.id(), g.id(), NodeKind.NSG, null, b, g.name() + " · " + g.rules().size() + " rules · not attached", List.of(), null));
        }
        for (var t : design.routeTables()) {
            if (design.subnets().anyMatch(sn -> Lists.sameId(sn.routeTableId(), t.id()))) continue;
            Bounds b = free(new Bounds(LEFT_X, leftY, EXTERNAL_W, CARD_H), taken);
            taken.add(b);
            leftY = b.y() + b.height() + 12;
            add(new DiagramNode("rt@" + t.id(), t.id(), NodeKind.ROUTE_TABLE, null, b, t.name() + " · " + t.routes().size() + " routes · not attached", List.of(), null));
        }
    }

    /** Wide enough for the card's label (icon + about 6.8 px a character at the card's font), where room allows. */
    private static double cardWidth(String label, double max) {
        return Math.max(Math.min(120, max), Math.min(max, 34 + 6.8 * label.length()));
    }

    private static NodeKind kindOf(ExternalNetwork e) {
        switch (e.kind()) {
            case ON_PREMISES: return NodeKind.ON_PREMISES;
            case PEERED_VNET: return NodeKind.PEERED_VNET;
            case MANAGEMENT: return NodeKind.MANAGEMENT;
            case CLIENT: return NodeKind.CLIENT;
            default: return NodeKind.AZURE_SERVICE;
        }
    }

    private static List<String> externalLines(ExternalNetwork e) {
        List<String> l = new ArrayList<>();
        if (!e.addressPrefixes().isEmpty()) l.add(String.join(", ", e.addressPrefixes()));
        if (e.via() != null) l.add("via " + ("expressroute".equalsIgnoreCase(e.via()) ? "ExpressRoute" : "VPN") + " gateway");
        String tag = e.serviceTag() == null ? "" : e.serviceTag();
        if (e.region() != null) tag = tag.isEmpty() ? e.region() : tag + " · " + e.region();
        if (!tag.isEmpty()) l.add(tag);
        return l;
    }

    // ---------------------------------------------------------------------------------------------------------

    // ---- the era's requirements, from the profile ----

    /** Management traffic passes the NSG through a management endpoint (until the November 2022 feature wave). */
    private boolean managementEra() {
        return profile.managementEndpoint() && requirement(Direction.INBOUND, Catalog.MI_NSG_IN_MANAGEMENT) != null;
    }

    /** The era's first mandatory requirement of this rule (the profile lists them in the document's order), or null. */
    private Profile.NsgRequirement requirement(Direction d, String ruleId) {
        return profile.mandatory(d).stream().filter(q -> q.ruleId().equals(ruleId)).findFirst().orElse(null);
    }

    /** An outbound service the era requires, for one MI subnet: the service tag traced and the box the arrow points at. */
    private record ServiceTarget(Subnet subnet, Profile.NsgRequirement requirement, String tag, String nodeId) {}

    private List<ServiceTarget> serviceTargets;

    /**
     * The outbound services the profile names (11/2022: Entra ID, OneDsCollector, Storage in the instance's region
     * and the paired one; none from 07/2024), per MI subnet with an instance. A box of the design with that service
     * tag is the target; otherwise an implied box. Before 11/2022 outbound traffic leaves through the management
     * endpoint to every service of the design instead ({@link #layoutFlows}).
     */
    private List<ServiceTarget> serviceTargets() {
        if (serviceTargets != null) return serviceTargets;
        List<ServiceTarget> out = new ArrayList<>();
        if (!profile.managementEndpoint()) {
            for (Subnet s : design.miSubnets()) {
                if (design.instancesIn(s).isEmpty()) continue;
                for (Profile.NsgRequirement q : profile.mandatory(Direction.OUTBOUND)) {
                    for (String dest : q.destinations()) {
                        if (AzureRules.SUBNET.equals(dest)) continue; // inside the subnet: the nodes' loop
                        String tag = resolve(dest, q, s);
                        out.add(new ServiceTarget(s, q, tag, namedService(tag).orElse(IMPLICIT_SERVICE + tag.toLowerCase(java.util.Locale.ROOT))));
                    }
                }
            }
        }
        serviceTargets = out;
        return out;
    }

    /** A regional tag of a requirement for this subnet: as Azure's own rule in its NSG names it, else the instance's region; a paired region stays unknown. */
    private String resolve(String token, Profile.NsgRequirement q, Subnet s) {
        if (!token.contains("{")) return token;
        SecurityGroup nsg = s.nsgId() == null ? null : design.securityGroup(s.nsgId()).orElse(null);
        if (nsg != null && q.azureStem() != null) {
            List<String> dest = AzureRules.find(nsg, q.azureStem()).map(r -> r.destinationPrefixes()).orElse(List.of());
            if (dest.size() == 1 && !dest.get(0).contains("{")) return dest.get(0);
        }
        String region = AzureRules.region(design, s);
        return region != null && token.contains(AzureRules.REGION) ? token.replace(AzureRules.REGION, region) : token;
    }

    /** The design's Azure service whose tag (with its region) is {@code tag}, or one of the tag's family without a region. */
    private Optional<String> namedService(String tag) {
        String base = tag.contains(".") ? tag.substring(0, tag.indexOf('.')) : tag;
        String family = null;
        for (ExternalNetwork e : design.externalNetworks()) {
            if (e.kind() != ExternalNetwork.Kind.AZURE_SERVICE && e.kind() != ExternalNetwork.Kind.MANAGEMENT || e.serviceTag() == null) continue;
            String t = e.serviceTag().trim();
            boolean regional = t.contains(".") || e.region() != null && !e.region().isBlank();
            String full = t.contains(".") || !regional ? t : t + "." + e.region().replace(" ", "");
            if (full.equalsIgnoreCase(tag)) return Optional.of(e.id());
            if (!regional && family == null && t.equalsIgnoreCase(base)) family = e.id();
        }
        return Optional.ofNullable(family);
    }

    /** A tag as people read it: "Storage.<paired region>" for one whose region is not known offline. */
    private static String shown(String tag) {
        return tag.replace(AzureRules.REGION, "<region>").replace(AzureRules.PAIRED_REGION, "<paired region>");
    }

    /**
     * Where a requirement comes from, for an arrow's tooltip: "azure-2025-09: mandatory inbound 'health_probe'", and in
     * a service-aided era the rule Azure writes for it at deployment, which an NSG as written (a template) lacks.
     */
    private String source(Profile.NsgRequirement q) {
        String s = profile.id() + ": mandatory " + q.direction().azure().toLowerCase(java.util.Locale.ROOT) + " '" + q.docName() + "'";
        if (profile.serviceAided() && q.azureStem() != null) s += "; Azure writes the rule " + AzureRules.PREFIX + q.azureStem() + " itself at deployment";
        return s;
    }

    /** "TCP 443", "443, any protocol", "any" — a requirement's traffic on a label. */
    private static String traffic(Profile.NsgRequirement q) {
        return traffic(q.protocol(), q.ports());
    }

    private static String traffic(String protocol, List<String> ports) {
        String p = String.join(", ", ports).replace("-", "–");
        boolean anyPort = ports.equals(List.of("*"));
        if (protocol.equals("*")) return anyPort ? "any" : p + ", any protocol";
        return protocol.toUpperCase(java.util.Locale.ROOT) + (anyPort ? "" : " " + p);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void layoutFlows() {
        List<ExternalNetwork> exts = design.externalNetworks();
        List<String> managementIds = new ArrayList<>();
        for (ExternalNetwork e : exts) if (e.kind() == ExternalNetwork.Kind.MANAGEMENT) managementIds.add(e.id());
        if (placed.containsKey(IMPLICIT_MANAGEMENT)) managementIds.add(IMPLICIT_MANAGEMENT);
        String redirect = "TCP " + Seed.REDIRECT_PORTS.replace("-", "–");
        Profile.NsgRequirement mgmtIn = requirement(Direction.INBOUND, Catalog.MI_NSG_IN_MANAGEMENT);
        Profile.NsgRequirement mgmtOut = requirement(Direction.OUTBOUND, Catalog.MI_NSG_OUT_MANAGEMENT);
        Profile.NsgRequirement probe = requirement(Direction.INBOUND, Catalog.MI_NSG_IN_HEALTH_PROBE);
        Profile.NsgRequirement inside = requirement(Direction.INBOUND, Catalog.MI_NSG_IN_SUBNET);

        for (Subnet s : design.miSubnets()) {
            List<ManagedInstance> ms = design.instancesIn(s);
            String sid = s.id(), ilb = "ilb@" + sid, gw = "gw@" + sid, extlb = "extlb@" + sid, ep = "mgmtep@" + sid;
            if (!placed.containsKey(ilb)) continue;
            boolean endpoint = placed.containsKey(ep);
            // What the tracer is asked about each arrow: the instance (its subnet when there is none yet) as Azure sees it.
            String inst = ms.isEmpty() ? sid : ms.get(0).id();
            flow("internal:ilb-gw:" + sid, FlowKind.INTERNAL, ilb, gw, "", "The internal load balancer hands client connections to the gateway.", null);
            if (endpoint) flow("internal:ep-extlb:" + sid, FlowKind.INTERNAL, ep, extlb, "", "The management endpoint maps to the external load balancer.", null);
            for (ManagedInstance m : ms) {
                String eng = "engine@" + m.id();
                flow("internal:gw-engine:" + m.id(), FlowKind.INTERNAL, gw, eng, "", "The gateway redirects to " + m.hostName() + " by host name.", null);
                if (endpoint) flow("internal:extlb-engine:" + m.id(), FlowKind.INTERNAL, extlb, eng, "", "Management ports reach the nodes only through the external load balancer.", null);
            }
            String firstEngine = ms.isEmpty() ? null : "engine@" + ms.get(0).id();
            for (ExternalNetwork e : exts) {
                if (e.kind() != ExternalNetwork.Kind.CLIENT && e.kind() != ExternalNetwork.Kind.ON_PREMISES) continue;
                // On-premises traffic enters through its gateway: draw it from there.
                String src = e.kind() == ExternalNetwork.Kind.ON_PREMISES ? gatewayNode(e.gatewayId()).orElse(e.id()) : e.id();
                flow("tds:" + e.id() + ":" + sid, FlowKind.TDS, src, ilb, "TCP " + Seed.TDS_PORT,
                        e.name() + " connects to the instance's host name → internal load balancer, TCP 1433.",
                        new FlowTraffic(e.id(), inst, "tcp", List.of(Seed.TDS_PORT)));
                for (ManagedInstance m : ms) {
                    if (m.connectionType().usesRedirect()) {
                        flow("redirect:" + e.id() + ":" + m.id(), FlowKind.REDIRECT, src, "engine@" + m.id(), redirect,
                                e.name() + " → " + m.name() + "'s node directly after redirect, TCP 11000–11999.",
                                new FlowTraffic(e.id(), m.id(), "tcp", List.of(Seed.REDIRECT_PORTS)));
                    }
                }
            }
            if (endpoint && mgmtIn != null) {
                // The first source the era names (SqlManagement); the 04/2019 rule has source * and stands for Internet.
                String tag = mgmtIn.sources().stream().filter(t -> !t.equals("*")).findFirst().orElse("SqlManagement");
                for (String g : managementIds) {
                    flow("management-inbound:" + g + ":" + sid, FlowKind.MANAGEMENT_INBOUND, g, ep, traffic(mgmtIn),
                            "Management and deployment services → management endpoint → nodes (" + source(mgmtIn) + ").",
                            new FlowTraffic(g.equals(IMPLICIT_MANAGEMENT) ? tag : g, inst, mgmtIn.protocol().toLowerCase(java.util.Locale.ROOT), mgmtIn.ports()));
                }
            }
            if (firstEngine != null && probe != null) {
                // The load balancers probe the nodes: the external one while it exists, the internal one after.
                flow("health-probe:" + sid, FlowKind.HEALTH_PROBE, endpoint ? extlb : ilb, firstEngine, "probes · " + String.join(", ", probe.sources()),
                        "Load balancer health probes from " + String.join(", ", probe.sources()) + ", " + traffic(probe) + " (" + source(probe) + ").",
                        new FlowTraffic(probe.sources().get(0), inst, probe.protocol(), probe.ports()));
            }
            if (firstEngine != null && inside != null) {
                flow("intra-subnet:" + sid, FlowKind.INTRA_SUBNET, firstEngine, firstEngine, traffic(inside) + " · MI subnet ↔ MI subnet",
                        "Traffic between the cluster's nodes, " + traffic(inside) + ", both ways (" + source(inside) + " and its outbound twin).",
                        new FlowTraffic(sid, sid, inside.protocol(), inside.ports()));
            }
            if (endpoint && mgmtOut != null) {
                String ports = traffic(mgmtOut), to = String.join(", ", mgmtOut.destinations());
                for (ExternalNetwork e : exts) {
                    if (e.kind() != ExternalNetwork.Kind.AZURE_SERVICE && e.kind() != ExternalNetwork.Kind.MANAGEMENT) continue;
                    flow("management-outbound:" + sid + ":" + e.id(), FlowKind.MANAGEMENT_OUTBOUND, ep, e.id(), ports,
                            "Nodes → " + e.name() + " over " + to + ", " + ports + " (" + source(mgmtOut) + ").",
                            new FlowTraffic(inst, e.id(), mgmtOut.protocol().toLowerCase(java.util.Locale.ROOT), mgmtOut.ports()));
                }
                if (placed.containsKey(IMPLICIT_MANAGEMENT)) {
                    flow("management-outbound:" + sid + ":" + IMPLICIT_MANAGEMENT, FlowKind.MANAGEMENT_OUTBOUND, ep, IMPLICIT_MANAGEMENT, ports,
                            "Nodes → Microsoft management services over " + to + ", " + ports + ".",
                            new FlowTraffic(inst, mgmtOut.destinations().get(0), mgmtOut.protocol().toLowerCase(java.util.Locale.ROOT), mgmtOut.ports()));
                }
            }
            if (firstEngine != null) {
                for (ServiceTarget t : serviceTargets()) {
                    if (t.subnet() != s) continue;
                    Profile.NsgRequirement q = t.requirement();
                    boolean named = !t.nodeId().startsWith(IMPLICIT_SERVICE);
                    flow("service-outbound:" + sid + ":" + t.tag().toLowerCase(java.util.Locale.ROOT), FlowKind.SERVICE_OUTBOUND, firstEngine, t.nodeId(),
                            traffic(q) + (named ? " · " + shown(t.tag()) : ""),
                            "Nodes → " + shown(t.tag()) + ", " + traffic(q) + " (" + source(q) + ").",
                            new FlowTraffic(inst, t.tag(), q.protocol().toLowerCase(java.util.Locale.ROOT), q.ports()));
                }
            }
            if (profile.runs(Catalog.MI_NSG_REPLICATION)) {
                for (ManagedInstance m : ms) {
                    if (!m.replicationRole().needsFileShare()) continue;
                    exts.stream().filter(e -> "Storage".equalsIgnoreCase(e.serviceTag())).findFirst().ifPresent(st ->
                            flow("replication:" + m.id(), FlowKind.REPLICATION, "engine@" + m.id(), st.id(), "TCP " + Seed.REPLICATION_PORT,
                                    m.name() + " is a replication " + m.replicationRole().azure().toLowerCase(java.util.Locale.ROOT)
                                            + ": it needs the Azure file share, TCP 445 outbound.",
                                    new FlowTraffic(m.id(), st.id(), "tcp", List.of(Seed.REPLICATION_PORT))));
                }
            }
        }
        failoverFlows();
        for (ExternalNetwork e : exts) {
            if (e.kind() == ExternalNetwork.Kind.ON_PREMISES) {
                String target = gatewayNode(e.gatewayId()).orElse(design.virtualNetworks().isEmpty() ? null : design.virtualNetworks().get(0).id());
                String via = "expressroute".equalsIgnoreCase(e.via()) ? "ExpressRoute" : "VPN";
                if (target != null) flow("link:" + e.id(), FlowKind.LINK, e.id(), target, via, e.name() + " joins the VNet through a " + via + " gateway.", null);
            } else if (e.kind() == ExternalNetwork.Kind.PEERED_VNET) {
                String target = design.virtualNetworks().stream()
                        .filter(v -> v.peerings().stream().map(Peering::remoteVnetId).anyMatch(r -> Lists.sameId(r, e.id())))
                        .map(VirtualNetwork::id).findFirst()
                        .orElse(design.virtualNetworks().isEmpty() ? null : design.virtualNetworks().get(0).id());
                if (target != null) flow("link:" + e.id(), FlowKind.LINK, e.id(), target, "peering", e.name() + " is peered with the VNet.", null);
            }
        }
        vnetLinks();
    }

    /**
     * A failover group's replication, TCP 5022 and 11000–11999 between the two instances, one arrow each way: the
     * tracer colours each with its own route and both NSGs (the source's outbound, the destination's inbound), so
     * the four rules that must allow it are all on the picture.
     */
    private void failoverFlows() {
        String ports = traffic("Tcp", Seed.FAILOVER_PORTS);
        for (FailoverGroup g : design.failoverGroups()) {
            ManagedInstance p = design.managedInstance(g.primaryInstanceId()).orElse(null), s = design.managedInstance(g.secondaryInstanceId()).orElse(null);
            if (p == null || s == null || Lists.sameId(p.subnetId(), s.subnetId())) continue;
            for (ManagedInstance[] pair : new ManagedInstance[][] {{p, s}, {s, p}}) {
                ManagedInstance a = pair[0], b = pair[1];
                String role = a == p ? "primary" : "secondary";
                flow("failover:" + g.id() + ":" + a.id(), FlowKind.FAILOVER, "engine@" + a.id(), "engine@" + b.id(), ports,
                        "Failover group '" + g.name() + "': " + a.name() + " (" + role + (a.location() == null ? "" : ", " + a.location()) + ") → "
                                + b.name() + (b.location() == null ? "" : " (" + b.location() + ")") + ", " + ports
                                + "; both NSGs must allow it in and out (MI-FOG-NSG).",
                        new FlowTraffic(a.id(), b.id(), "tcp", Seed.FAILOVER_PORTS));
            }
        }
    }

    /** VNets of the design joined to each other: a peering (one link per pair), or their gateways' connection. */
    private void vnetLinks() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (VirtualNetwork v : design.virtualNetworks()) {
            for (Peering pe : v.peerings()) {
                VirtualNetwork o = design.virtualNetworks().stream().filter(x -> x != v && (Lists.sameId(x.id(), pe.remoteVnetId()) || Lists.sameId(x.name(), pe.remoteVnetId())))
                        .findFirst().orElse(null);
                if (o == null || !seen.add(pair(v.id(), o.id()))) continue;
                boolean both = o.peerings().stream().anyMatch(q -> Lists.sameId(q.remoteVnetId(), v.id()) || Lists.sameId(q.remoteVnetId(), v.name()));
                String lv = regionOf(v).orElse(null), lo = regionOf(o).orElse(null);
                boolean global = lv != null && lo != null && !lv.replace(" ", "").equalsIgnoreCase(lo.replace(" ", ""));
                String what = (global ? "global peering" : "peering") + (both ? "" : " (one side only)");
                flow("link:peering:" + pair(v.id(), o.id()), FlowKind.LINK, v.id(), o.id(), what,
                        v.name() + " and " + o.name() + " are joined by " + (global ? "global VNet peering" : "VNet peering")
                                + (both ? ", both ways." : ": only " + v.name() + " peers with " + o.name() + "; traffic flows once both sides are peered."), null);
            }
        }
        for (GatewayConnection c : design.gatewayConnections()) {
            String a = gatewayNode(c.gatewayId()).orElse(null), b = gatewayNode(c.remoteGatewayId()).orElse(null);
            if (a == null || b == null || a.equals(b) || !seen.add(pair(a, b))) continue;
            String type = c.type() == null ? "" : c.type();
            String label = type.equalsIgnoreCase("Vnet2Vnet") ? "VNet-to-VNet" : type.equalsIgnoreCase("ExpressRoute") ? "ExpressRoute" : "VPN";
            List<String> names = design.gatewayConnections().stream()
                    .filter(x -> pair(a, b).equals(pair(gatewayNode(x.gatewayId()).orElse(""), gatewayNode(x.remoteGatewayId()).orElse(""))))
                    .map(GatewayConnection::name).toList();
            flow("link:connection:" + pair(a, b), FlowKind.LINK, a, b, label,
                    "The gateways are joined by the " + label + " connection" + (names.size() == 1 ? " " : "s ") + String.join(" and ", names) + ".", null);
        }
    }

    private static String pair(String a, String b) {
        return a.compareToIgnoreCase(b) <= 0 ? a + "~" + b : b + "~" + a;
    }

    /** The box of a gateway (by id or name; a resource id also by its last segment), else its subnet's. */
    private Optional<String> gatewayNode(String gatewayId) {
        if (gatewayId == null) return Optional.empty();
        String last = gatewayId.substring(gatewayId.lastIndexOf('/') + 1);
        for (VirtualNetwork v : design.virtualNetworks()) {
            for (Subnet s : v.subnets()) {
                for (SubnetResource r : s.resources()) {
                    if (Lists.sameId(r.id(), gatewayId) || Lists.sameId(r.name(), gatewayId)
                            || SubnetResource.GATEWAY.equalsIgnoreCase(r.kind()) && Lists.sameId(r.name(), last)) {
                        String id = resourceNodeId(s, r);
                        if (placed.containsKey(id)) return Optional.of(id);
                        return Optional.of(s.id());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void flow(String id, FlowKind kind, String from, String to, String label, String description, FlowTraffic traffic) {
        if (from == null || to == null || !placed.containsKey(from) || !placed.containsKey(to)) return;
        flows.add(new DiagramFlow(id, kind, from, to, label, description, traffic));
    }

    private void add(DiagramNode n) {
        nodes.add(n);
        placed.put(n.id(), n.bounds());
    }
}
