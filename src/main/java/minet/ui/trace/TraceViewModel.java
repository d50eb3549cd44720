package minet.ui.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import minet.model.Design;
import minet.model.ExternalNetwork;
import minet.model.ManagedInstance;
import minet.model.Subnet;
import minet.layout.TracePath;
import minet.ui.document.DesignContext;

/**
 * The trace panel: pick a source and a destination (an element of the design or an address), a protocol and a
 * port; ask the engine's tracer; show its hops and highlight the path on the canvas.
 */
public final class TraceViewModel {
    public static final List<String> PROTOCOLS = List.of("tcp", "udp");

    private final DesignContext context;
    private final TraceService tracer;
    private final ObservableList<String> endpoints = FXCollections.observableArrayList();
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final ObjectProperty<String> protocol = new SimpleObjectProperty<>("tcp");
    private final StringProperty port = new SimpleStringProperty("1433");
    private final ObservableList<TraceService.Hop> hops = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> allowed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TracePath.State> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");

    public TraceViewModel(DesignContext context, TraceService tracer) {
        this.context = context;
        this.tracer = tracer;
        endpoints.setAll(endpointsOf(context.design()));
        context.designProperty().addListener((o, was, d) -> {
            endpoints.setAll(endpointsOf(d));
            clear(); // an old answer would describe another design
        });
        // Service tags loaded: the shown answer may have been "cannot be decided offline"; ask again with them.
        context.serviceTagsProperty().addListener((o, was, tags) -> {
            if (!hops.isEmpty()) trace();
        });
    }

    /** Service tags a trace often starts from (management traffic comes from Internet addresses). */
    static final List<String> TAGS = List.of("Internet", "AzureLoadBalancer", "AzureCloud", "VirtualNetwork");

    /** The names the tracer accepts for the design's subnets, instances and outside networks, then service tags. */
    static List<String> endpointsOf(Design d) {
        List<String> out = new ArrayList<>();
        d.subnets().map(Subnet::name).forEach(out::add);
        d.managedInstances().stream().map(ManagedInstance::name).forEach(out::add);
        d.externalNetworks().stream().map(ExternalNetwork::name).forEach(out::add);
        out.addAll(TAGS);
        return out.stream().filter(Objects::nonNull).distinct().toList();
    }

    public BooleanBinding canTrace() {
        return Bindings.createBooleanBinding(() -> !from.get().isBlank() && !to.get().isBlank() && !port.get().isBlank(),
                from, to, port);
    }

    public void trace() {
        problem.set("");
        int p;
        try {
            p = Integer.parseInt(port.get().trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 1 || p > 65535) {
            fail("Port must be a number from 1 to 65535");
            return;
        }
        TraceService.Result r;
        try {
            r = tracer.trace(context.design(), context.serviceTags(), from.get().trim(), to.get().trim(), protocol.get(), p);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        hops.setAll(r.hops());
        verdict.set(r.verdict());
        allowed.set(r.allowed());
        TracePath path = path(r, protocol.get(), p);
        // From every hop, also those no box stands for (an NSG step outside the drawn elements).
        outcome.set(r.hops().stream().map(TraceService.Hop::state).anyMatch(x -> x == TracePath.State.DENIED) ? TracePath.State.DENIED
                : r.hops().stream().map(TraceService.Hop::state).anyMatch(x -> x == TracePath.State.UNDECIDED) ? TracePath.State.UNDECIDED
                : r.allowed() ? TracePath.State.PASSED : TracePath.State.DENIED);
        context.showTrace(path);
        hint.set(outcome.get() == TracePath.State.UNDECIDED && context.serviceTags().isEmpty()
                ? "A service tag's addresses decide this. File → Load service tags… reads Microsoft's weekly file "
                        + "(ServiceTags_Public_YYYYMMDD.json) and decides it." : "");
    }

    /** The canvas's picture of an answer: each hop that names a box, numbered as the panel lists it. */
    static TracePath path(TraceService.Result r, String protocol, int port) {
        List<TracePath.Stop> stops = new ArrayList<>();
        for (int i = 0; i < r.hops().size(); i++) {
            TraceService.Hop h = r.hops().get(i);
            if (h.elementId() != null) stops.add(new TracePath.Stop(i + 1, h.elementId(), h.subnetId(), h.state(), h.step()));
        }
        return new TracePath(r.fromId(), r.toId(), protocol, port, stops);
    }

    private void fail(String message) {
        clear();
        problem.set(message);
    }

    public void clear() {
        hops.clear();
        verdict.set("");
        allowed.set(null);
        outcome.set(null);
        hint.set("");
        context.showTrace(TracePath.NONE);
    }

    /** Fills source or destination from the canvas selection. */
    public void useAsSource(String nameOrAddress) { from.set(nameOrAddress); }
    public void useAsDestination(String nameOrAddress) { to.set(nameOrAddress); }

    public ObservableList<String> endpoints() { return endpoints; }
    public StringProperty fromProperty() { return from; }
    public StringProperty toProperty() { return to; }
    public ObjectProperty<String> protocolProperty() { return protocol; }
    public StringProperty portProperty() { return port; }
    public ObservableList<TraceService.Hop> hops() { return hops; }
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Boolean> allowedProperty() { return allowed.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** How the last trace ended: PASSED, DENIED, or UNDECIDED (cannot be decided offline: amber, not red); null: none. */
    public ReadOnlyObjectProperty<TracePath.State> outcomeProperty() { return outcome.getReadOnlyProperty(); }
    /** What would decide an undecided answer ("File → Load service tags…"), or empty. */
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }
}
