package minet.ui.validation;

import minet.ui.analysis.Analysis;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import minet.ui.document.DesignContext;
import minet.ui.dialogs.FixPlan;
import minet.edit.Command;
import minet.model.Design;
import minet.rules.Catalog;
import minet.rules.Finding;
import minet.rules.Report;
import minet.rules.RuleInfo;
import minet.rules.Severity;
import minet.rules.Validator;
import minet.rules.eval.ServiceTags;
import minet.ui.dialogs.DialogService;
import minet.ui.dialogs.FixPlan;

/**
 * The validation panel's state: the newest findings of the open design, filtered by severity and text, their
 * counts, the status line, the selected finding's explanation, and the Fix / Fix all actions. Re-validation is
 * requested on every design or profile change and runs in the background (see {@link LiveValidator}).
 */
public final class ValidationViewModel implements AutoCloseable {

    /** What the details pane shows for the selected finding, in the user's words. */
    public record Details(String ruleId, String title, String requirement, String fix, List<String> facts) {
        public static final Details NONE = new Details("", "", "", "", List.of());
    }

    private final DesignContext context;
    private final FixService fixes;
    private final DialogService dialogs;
    private final LiveValidator<Analysis> live;

    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final FilteredList<Finding> visible = new FilteredList<>(findings);
    private final BooleanProperty showErrors = new SimpleBooleanProperty(true);
    private final BooleanProperty showWarnings = new SimpleBooleanProperty(true);
    private final BooleanProperty showInfos = new SimpleBooleanProperty(true);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyLongWrapper errors = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper warnings = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper infos = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Validating…");
    private final ReadOnlyStringWrapper lastAction = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper anyFixable = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Finding> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>(Details.NONE);
    private final StringProperty profile = new SimpleStringProperty(Validator.DEFAULT_PROFILE);
    private final ObservableList<String> profiles = FXCollections.observableArrayList(minet.rules.Profiles.names());
    // Whether a finding has a fix is asked per table row: computed once per result.
    private final Map<Finding, Boolean> fixable = new IdentityHashMap<>();
    // True while a new result replaces the list: keeping the user's selection must not pan the canvas again.
    private boolean publishing;
    // The window's service tags as of the latest request: read by the validation worker, set on the FX thread first.
    private volatile ServiceTags serviceTags = ServiceTags.NONE;
    // The tags the published analysis used (a result computed with others is dropped: the change requests anew).
    private ServiceTags analysisTags = ServiceTags.NONE;

    /**
     * @param liveFactory builds the background validator given where to deliver results; the window passes a
     *                    single-thread scheduler and Platform::runLater, tests a controllable one
     */
    public ValidationViewModel(DesignContext context, FixService fixes, DialogService dialogs,
                               Function<java.util.function.Consumer<Analysis>, LiveValidator<Analysis>> liveFactory) {
        this.context = context;
        this.fixes = fixes;
        this.dialogs = dialogs;
        this.live = liveFactory.apply(this::publish);
        showErrors.addListener(o -> refilter());
        showWarnings.addListener(o -> refilter());
        showInfos.addListener(o -> refilter());
        filterText.addListener(o -> refilter());
        selected.addListener((o, was, f) -> {
            details.set(f == null ? Details.NONE : explain(f));
            if (!publishing && f != null && f.elementId() != null) context.reveal(f.elementId());
        });
        context.designProperty().addListener((o, was, d) -> live.request(d, profile.get()));
        profile.addListener((o, was, p) -> live.requestNow(context.design(), p));
        serviceTags = context.serviceTags();
        context.serviceTagsProperty().addListener((o, was, tags) -> {
            serviceTags = tags;
            live.requestNow(context.design(), profile.get());
        });
        live.requestNow(context.design(), profile.get());
    }

    /** The analysis the window uses: the profile's rules plus the verdict of each drawn flow. */
    private void publish(Analysis a) {
        publishing = true;
        try {
            replaceFindings(a);
        } finally {
            publishing = false;
        }
    }

    private void replaceFindings(Analysis a) {
        Finding keep = selected.get();
        analysisTags = serviceTags;
        fixable.clear();
        Report r = a.report();
        findings.setAll(r.findings());
        errors.set(r.errors());
        warnings.set(r.warnings());
        infos.set(r.infos());
        status.set(statusLine(r));
        anyFixable.set(r.findings().stream().anyMatch(this::canFix));
        // Keep the user's place when the same finding is still there after an edit.
        selected.set(keep != null && r.findings().contains(keep) ? r.findings().get(r.findings().indexOf(keep)) : null);
        // Last: whoever listens to the analysis finds the findings, counts and status of the same run.
        analysis.set(a);
    }

    /**
     * A finding's element as the Problems panel names it: the kind and name of the most specific resource of its
     * path ("NSG mi-nsg", "Rule allow_tds_inbound · NSG mi-nsg", "Subnet ManagedInstance"), not the ARM path.
     */
    public static String elementLabel(String resource) {
        if (resource == null || resource.isBlank()) return "";
        String[] parts = resource.split("/");
        java.util.List<String> words = new ArrayList<>();
        for (int i = 0; i + 1 < parts.length; i += 2) words.add(kindWord(parts[i]) + " " + parts[i + 1]);
        if (words.isEmpty()) return resource;
        String last = words.get(words.size() - 1);
        // A rule or route is named with its table; a subnet stands on its own (its VNet is in the tooltip).
        String kind = parts[parts.length - 2];
        if ((kind.equals("securityRules") || kind.equals("routes")) && words.size() >= 2) return last + " · " + words.get(words.size() - 2);
        return last;
    }

    private static String kindWord(String type) {
        return switch (type) {
            case "virtualNetworks" -> "VNet";
            case "subnets" -> "Subnet";
            case "networkSecurityGroups" -> "NSG";
            case "securityRules" -> "Rule";
            case "routeTables" -> "Route table";
            case "routes" -> "Route";
            case "managedInstances" -> "Instance";
            case "externalNetworks" -> "Network";
            case "failoverGroups" -> "Failover group";
            case "virtualNetworkPeerings" -> "Peering";
            default -> type;
        };
    }

    /** A finding's message in the window's words (no project jargon; see {@link minet.ui.Wording}). */
    public String message(Finding f) { return minet.ui.Wording.forUser(f.message(), profile.get()); }

    /** "2 errors, 1 warning · auto: azure-2025-09, subnet 'mi' is delegated … · validated in 3 ms". */
    public static String statusLine(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(plural(r.errors(), "error")).append(", ").append(plural(r.warnings(), "warning"));
        if (r.infos() > 0) sb.append(", ").append(plural(r.infos(), "info"));
        String profile = profileLine(r);
        if (!profile.isEmpty()) sb.append(" · ").append(profile);
        double ms = r.nanos() / 1e6;
        String time = ms < 1 ? "<1 ms" : Math.round(ms) + " ms";
        return sb.append(" · validated in ").append(time).toString();
    }

    /** Which rules judged the design and why: "auto: azure-2025-09, subnet 'mi' is delegated …", or the profile chosen. */
    public static String profileLine(Report r) {
        if (r.profileReason() == null) return "";
        if (r.profileReason().equals("chosen by hand")) return r.profile();
        if (r.profileReason().startsWith("latest")) return "latest: " + r.profile();
        return "auto: " + r.profile() + ", " + r.profileReason();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        visible.setPredicate(f -> shows(f.severity()) && (text.isEmpty() || matches(f, text)));
    }

    private boolean shows(Severity s) {
        return switch (s) {
            case ERROR -> showErrors.get();
            case WARNING -> showWarnings.get();
            case INFO -> showInfos.get();
        };
    }

    private static boolean matches(Finding f, String text) {
        return contains(f.ruleId(), text) || contains(f.resource(), text) || contains(elementLabel(f.resource()), text) || contains(f.message(), text);
    }

    private static boolean contains(String s, String lowerText) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(lowerText);
    }

    private Details explain(Finding f) {
        Optional<RuleInfo> info = Catalog.info(profile.get(), f.ruleId());
        List<String> facts = facts(f.details());
        String p = profile.get();
        return info.map(i -> new Details(i.id(), i.title(), minet.ui.Wording.forUser(i.requirement(), p), minet.ui.Wording.forUser(i.fix(), p), facts))
                .orElseGet(() -> new Details(f.ruleId(), "", message(f), "", facts));
    }

    /** A finding's details in words, leaving out the model ids (the element is selected on the canvas instead). */
    static List<String> facts(Map<String, Object> details) {
        List<String> out = new ArrayList<>();
        details.forEach((k, v) -> {
            if (k.endsWith("Id") || k.equals("denyingRulePriority") || k.equals("denyingRuleIsDefault")) return;
            if (v instanceof java.util.Collection<?> c && c.isEmpty()) return;
            if (k.equals("denyingRule")) {
                Object p = details.get("denyingRulePriority");
                out.add("Blocked by rule '" + v + "'" + (p == null ? "" : " (priority " + p + ")")
                        + (Boolean.TRUE.equals(details.get("denyingRuleIsDefault")) ? ", one of Azure's default rules" : ""));
                return;
            }
            out.add(fact(k, v));
        });
        return out;
    }

    private static final int LIST_LIMIT = 12;

    /** A details entry in words; the keys are the rule engine's JSON details (rules.md). */
    static String fact(String key, Object value) {
        String v;
        if (value instanceof java.util.Collection<?> c) {
            List<String> items = c.stream().map(String::valueOf).toList();
            v = String.join(", ", items.subList(0, Math.min(LIST_LIMIT, items.size())))
                    + (items.size() > LIST_LIMIT ? " … (" + (items.size() - LIST_LIMIT) + " more)" : "");
        } else {
            v = String.valueOf(value);
        }
        return switch (key) {
            case "decidingRule", "decidingRules" -> "Decided by: " + v;
            case "allowingRules" -> "Allowed by: " + v;
            case "uncovered" -> "Required prefixes without their route: " + v;
            case "routes" -> "Conflicting routes: " + v;
            case "blockedPorts" -> "Blocked ports: " + v;
            case "suggestedRule" -> "Fix adds or extends rule: " + v;
            case "suggestedRoute" -> "Fix adds route: " + v;
            case "verdict" -> "Verdict: " + v.toLowerCase(Locale.ROOT).replace('_', ' ');
            default -> key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + ": " + v;
        };
    }

    // ---- fixing ----

    public boolean canFix(Finding f) {
        return fixable.computeIfAbsent(f, x -> fixes.fix(context.design(), x, currentReport(context.design())).isPresent());
    }

    /** Applies one finding's fix as one undoable step. */
    public void fix(Finding f) {
        fixes.fix(context.design(), f, currentReport(context.design())).ifPresent(c -> {
            context.execute(c);
            lastAction.set("");
            lastAction.set("Fixed " + f.ruleId() + ": " + c.label());
        });
    }

    /** Computes every fix, shows the review, and applies it as one undoable step when the user agrees. */
    public void fixAll() {
        Design d = context.design();
        Optional<FixPlan> plan = fixes.fixAll(d, currentReport(d));
        if (plan.isEmpty()) {
            // Nothing went wrong: said where the last action is said, not in an error dialog.
            lastAction.set("");
            lastAction.set("Fix all: no finding of this design has an automatic fix");
            return;
        }
        if (dialogs.reviewFixes(plan.get())) {
            context.execute(plan.get().command());
            int n = plan.get().changes().size();
            lastAction.set("");
            lastAction.set("Applied Fix all: " + n + (n == 1 ? " change (Ctrl+Z undoes it)" : " changes (Ctrl+Z undoes them all)"));
        } else {
            lastAction.set("");
            lastAction.set("Fix all cancelled: nothing changed");
        }
    }

    /** Whether any finding of the newest result has an automatic fix: Fix all is offered only then. */
    public javafx.beans.property.ReadOnlyBooleanProperty anyFixableProperty() { return anyFixable.getReadOnlyProperty(); }

    /** The profile the newest result was judged by ("azure-2019-04" when "auto" picked it), or "" before the first. */
    public String profileInUse() {
        Analysis a = analysis.get();
        return a == null ? "" : a.report().profile();
    }

    /** What a fix just did, for the status bar. */
    public ReadOnlyStringProperty lastActionProperty() { return lastAction.getReadOnlyProperty(); }

    /** The report of exactly this design: the live one when it is current, else computed now. */
    public Report currentReport(Design d) {
        Analysis a = analysis.get();
        return a != null && a.design() == d && analysisTags == serviceTags && a.report().profile().equals(Validator.choose(d, profile.get()).profile().id())
                ? a.report() : Validator.validate(d, profile.get(), serviceTags);
    }

    /** The service tags validation uses now: the window's (File → Load service tags…). */
    public ServiceTags serviceTags() { return serviceTags; }

    /** Holds validation (the window: until it has drawn the design it opens); {@link #resumeValidation()} runs the newest request. */
    public void pauseValidation() { live.pause(); }

    public void resumeValidation() { live.resume(); }

    /** Validates the open design at once, e.g. right after an import. */
    public void revalidateNow() { live.requestNow(context.design(), profile.get()); }

    // ---- properties ----

    public ReadOnlyObjectProperty<Analysis> analysisProperty() { return analysis.getReadOnlyProperty(); }
    public ObservableList<Finding> visibleFindings() { return visible; }
    public ObservableList<Finding> allFindings() { return FXCollections.unmodifiableObservableList(findings); }
    public BooleanProperty showErrorsProperty() { return showErrors; }
    public BooleanProperty showWarningsProperty() { return showWarnings; }
    public BooleanProperty showInfosProperty() { return showInfos; }
    public StringProperty filterTextProperty() { return filterText; }
    public ReadOnlyLongProperty errorsProperty() { return errors.getReadOnlyProperty(); }
    public ReadOnlyLongProperty warningsProperty() { return warnings.getReadOnlyProperty(); }
    public ReadOnlyLongProperty infosProperty() { return infos.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ObjectProperty<Finding> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<Details> detailsProperty() { return details.getReadOnlyProperty(); }
    public StringProperty profileProperty() { return profile; }
    public ObservableList<String> profiles() { return profiles; }
    public DesignContext context() { return context; }

    @Override public void close() { live.close(); }
}
