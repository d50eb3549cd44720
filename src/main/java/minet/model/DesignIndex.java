package minet.model;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A design's look-ups by ID (compared without case), built once per Design value. A Design is an immutable
 * record, so the index is kept beside it, in a small cache keyed by identity that holds designs weakly: an
 * estate of 500 MI subnets asks for its subnets, NSGs and instances thousands of times, and each question used
 * to scan every list. Safe to use from several threads (at worst two threads build the same index).
 */
final class DesignIndex {
    /** A few slots: the window's newest design, its snapshot being validated, a design being fixed. */
    private static final int SLOTS = 8;
    private static final AtomicReferenceArray<Entry> CACHE = new AtomicReferenceArray<>(SLOTS);

    private record Entry(WeakReference<Design> design, DesignIndex index) {}

    final Map<String, SecurityGroup> securityGroups;
    final Map<String, RouteTable> routeTables;
    final Map<String, Subnet> subnets;
    final Map<String, VirtualNetwork> vnetOfSubnet;
    final Map<String, List<ManagedInstance>> instancesBySubnet;

    private DesignIndex(Design d) {
        securityGroups = new HashMap<>(d.securityGroups().size() * 2);
        for (SecurityGroup g : d.securityGroups()) if (g.id() != null) securityGroups.putIfAbsent(key(g.id()), g);
        routeTables = new HashMap<>(d.routeTables().size() * 2);
        for (RouteTable t : d.routeTables()) if (t.id() != null) routeTables.putIfAbsent(key(t.id()), t);
        subnets = new HashMap<>();
        vnetOfSubnet = new HashMap<>();
        for (VirtualNetwork v : d.virtualNetworks()) {
            for (Subnet s : v.subnets()) {
                if (s.id() == null) continue;
                String k = key(s.id());
                subnets.putIfAbsent(k, s);
                vnetOfSubnet.putIfAbsent(k, v);
            }
        }
        instancesBySubnet = new HashMap<>();
        for (ManagedInstance m : d.managedInstances()) {
            if (m.subnetId() != null) instancesBySubnet.computeIfAbsent(key(m.subnetId()), k -> new ArrayList<>()).add(m);
        }
        instancesBySubnet.replaceAll((k, v) -> List.copyOf(v));
    }

    static String key(String id) { return id.toLowerCase(Locale.ROOT); }

    /** Designs with fewer top-level elements than this are searched by a scan: cheaper than an index, and they change often (the window). */
    static final int SMALL = 64;

    /** The index of {@code d}, built on first use; null for a small design. */
    static DesignIndex of(Design d) {
        if (d.virtualNetworks().size() + d.securityGroups().size() + d.routeTables().size() + d.managedInstances().size() < SMALL) return null;
        int home = System.identityHashCode(d) & (SLOTS - 1);
        for (int i = 0; i < SLOTS; i++) {
            Entry e = CACHE.get((home + i) & (SLOTS - 1));
            if (e != null && e.design.get() == d) return e.index;
        }
        DesignIndex ix = new DesignIndex(d);
        // the home slot, else the first slot whose design is gone; else the home slot is overwritten
        int slot = home;
        for (int i = 0; i < SLOTS; i++) {
            int s = (home + i) & (SLOTS - 1);
            Entry e = CACHE.get(s);
            if (e == null || e.design.get() == null) {
                slot = s;
                break;
            }
        }
        CACHE.set(slot, new Entry(new WeakReference<>(d), ix));
        return ix;
    }
}
