package minet.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import minet.ui.render.SvgExport;
import minet.io.DesignFile;
import minet.layout.DiagramLayout;
import minet.model.Design;
import minet.rules.Severity;
import minet.ui.Theme;
import minet.ui.render.Renderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What the validation panel uses (flow states, badges) and what render draws, on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class DiagramPaneFxTest {
    Design reference;

    @Start void start(Stage stage) throws Exception {
        reference = DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
    }

    @Test void flowStatesAndBadgesSurviveARelayout(FxRobot robot) {
        DiagramPane pane = new DiagramPane();
        String flow = "management-inbound:mgmt:vnet-mi/ManagedInstance";
        robot.interact(() -> {
            pane.setDiagram(DiagramLayout.of(reference));
            pane.setFlowState(flow, FlowState.BLOCKED, "denied by deny_all_inbound (4096)");
            pane.showBadges("nsg-mi", Severity.ERROR, 2);
            pane.setDiagram(DiagramLayout.of(reference.withName("edited")));
        });
        FlowSkin f = pane.flows().get(flow);
        assertThat(f.state()).isEqualTo(FlowState.BLOCKED);
        assertThat(f.getStyleClass()).contains("state-blocked");
        ElementSkin card = pane.skinsOf("nsg-mi").get(0);
        assertThat(card.lookup(".badge-error")).isNotNull();
        robot.interact(() -> {
            pane.showBadges("nsg-mi", Severity.ERROR, 0);
            pane.clearFlowStates();
        });
        assertThat(card.lookup(".badge-error")).isNull();
        assertThat(pane.flows().get(flow).getStyleClass()).contains("state-unknown");
    }

    @Test void renderDrawsTheWholeDiagramInBothThemes(FxRobot robot) throws Exception {
        WritableImage[] img = new WritableImage[3];
        robot.interact(() -> {
            img[0] = Renderer.snapshot(reference, Theme.LIGHT, 0, false);
            img[1] = Renderer.snapshot(reference, Theme.DARK, 1000);
            img[2] = Renderer.snapshot(reference, Theme.LIGHT, 0);
        });
        var extent = DiagramLayout.of(reference).extent();
        assertThat(img[0].getWidth()).isEqualTo(extent.x() + extent.width(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(img[1].getWidth()).isEqualTo(1000, org.assertj.core.data.Offset.offset(1.0));
        // The title block above and the legend below make the sheet taller than the bare diagram.
        assertThat(img[2].getHeight()).isGreaterThan(img[0].getHeight() + 100);
        Color light = img[0].getPixelReader().getColor(3, 3), dark = img[1].getPixelReader().getColor(3, 3);
        assertThat(light.getBrightness()).isGreaterThan(0.9);
        assertThat(dark.getBrightness()).isLessThan(0.2);
        // The MI subnet's frame is drawn in the VNet blue at its top edge.
        var mi = DiagramLayout.of(reference).node("vnet-mi/ManagedInstance").orElseThrow().bounds();
        Color edge = img[0].getPixelReader().getColor((int) (mi.x() + mi.width() / 2), (int) Math.round(mi.y()));
        assertThat(edge.getBlue()).isGreaterThan(edge.getRed() + 0.2);
        assertThat(Renderer.png(img[0])).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    /** What an export carries: the window's verdict colours and badges, a title block and the legend. */
    @Test void anExportShowsVerdictsBadgesTitleAndLegend(FxRobot robot) throws Exception {
        Design broken = DesignFile.read(Path.of("sample-networks", "broken", "deny-first.minet.json"));
        minet.ui.render.ExportSheet[] sheet = new minet.ui.render.ExportSheet[1];
        String[] svg = new String[1];
        robot.interact(() -> {
            sheet[0] = Renderer.sheet(broken, Theme.LIGHT, true);
            svg[0] = SvgExport.of(broken, Theme.LIGHT);
        });
        DiagramPane pane = sheet[0].diagram();
        FlowSkin mgmt = pane.flows().values().stream().filter(f -> f.flow().id().startsWith("management-inbound:")).findFirst().orElseThrow();
        assertThat(mgmt.state()).isEqualTo(FlowState.BLOCKED);
        assertThat(pane.skinsOf("nsg-mi").get(0).lookup(".badge-error")).isNotNull();
        var report = minet.rules.Validator.validate(broken);
        assertThat(svg[0]).contains(">" + SvgExport.escape(broken.name()) + "<")
                .contains("Profile " + report.profile())
                .contains(report.errors() + " error" + (report.errors() == 1 ? "" : "s"))
                .contains(">Legend<", ">allowed by the rules<", ">cannot be decided offline (a service tag)<", ">dashed: out of the MI subnet<")
                .contains("checked " + java.time.LocalDate.now());
        // The blocked arrow is drawn in the canvas's red, as in the window.
        assertThat(svg[0]).contains("stroke=\"#cf222e\"");
    }

    /**
     * The window's canvas draws the era of the profile its validation used: an analysis under azure-2024-07 of the
     * reference (drawn in 2019 by default) removes the management endpoint, and the arrows get that analysis's colours.
     */
    @Test void theCanvasFollowsTheProfileOfTheAnalysisItShows(FxRobot robot) {
        minet.ui.document.DocumentModel doc = new minet.ui.document.DocumentModel(reference, null);
        CanvasViewModel vm = new CanvasViewModel(doc, s -> { });
        CanvasView[] view = new CanvasView[1];
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            view[0] = new CanvasView(vm);
            stage[0] = new Stage();
            stage[0].setScene(new javafx.scene.Scene(view[0], 900, 600));
            stage[0].show();
            view[0].fit();
        });
        DiagramPane pane = view[0].diagramPane();
        assertThat(pane.skins()).containsKey("mgmtep@vnet-mi/ManagedInstance");
        double zoom2019 = vm.zoomProperty().get();
        robot.interact(() -> minet.ui.analysis.CanvasFindings.show(pane,
                minet.ui.analysis.Analysis.of(reference, "azure-2024-07", new minet.ui.analysis.SeedFlows())));
        assertThat(vm.profile().id()).isEqualTo("azure-2024-07");
        // Another picture, fitted again: the user had not zoomed.
        assertThat(view[0].fitted()).isTrue();
        assertThat(vm.zoomProperty().get()).isNotEqualTo(zoom2019)
                .isEqualTo(vm.fitZoom(view[0].getWidth() - 40, view[0].getHeight() - 40), org.assertj.core.data.Offset.offset(1e-9));
        robot.interact(() -> stage[0].close());
        assertThat(pane.skins()).doesNotContainKey("mgmtep@vnet-mi/ManagedInstance");
        FlowSkin probe = pane.flows().get("health-probe:vnet-mi/ManagedInstance");
        assertThat(probe.flow().fromId()).isEqualTo("ilb@vnet-mi/ManagedInstance");
        assertThat(probe.state()).isEqualTo(FlowState.ALLOWED);
        // Judged as Azure deploys the drawn (desired) NSG in that era: Azure's health-probe rule comes before the user's.
        assertThat(probe.tooltipText()).contains("azure-2024-07: mandatory inbound 'health_probe'")
                .contains("allowed by Azure's rule 'Microsoft.Sql-managedInstances_UseOnly_mi-healthprobe-in' (added by Azure when it deploys the subnet)");
    }

    /** An export judged by a profile given by hand is drawn in its era, and its title says so. */
    @Test void anExportIsDrawnInTheEraOfItsProfile(FxRobot robot) throws Exception {
        Design fog = DesignFile.read(Path.of("sample-networks", "failover-group.minet.json"));
        minet.ui.render.ExportSheet[] sheet = new minet.ui.render.ExportSheet[2];
        String[] svg = new String[1];
        robot.interact(() -> {
            sheet[0] = Renderer.sheet(reference, Theme.LIGHT, true, "azure-2022-11");
            sheet[1] = Renderer.sheet(fog, Theme.DARK, true);
            svg[0] = SvgExport.of(reference, Theme.LIGHT, "azure-2022-11");
        });
        assertThat(sheet[0].diagram().skins()).doesNotContainKey("mgmtep@vnet-mi/ManagedInstance").containsKey("implicit:service:onedscollector");
        assertThat(svg[0]).contains("Profile azure-2022-11 (chosen by hand)").contains(">OneDsCollector<").doesNotContain(">Management endpoint<");
        // Both directions of the failover group's replication, coloured by the tracer.
        assertThat(sheet[1].diagram().flows().get("failover:fog-orders:sqlmi-weu").state()).isEqualTo(FlowState.ALLOWED);
        assertThat(sheet[1].diagram().flows().get("failover:fog-orders:sqlmi-neu").state()).isEqualTo(FlowState.ALLOWED);
        assertThat(sheet[1].diagram().flows().get("link:peering:vnet-neu~vnet-weu").flow().label()).isEqualTo("global peering");
    }

    @Test void svgExportHoldsTheShapesAndLabelsOfTheCanvas(FxRobot robot) {
        String[] svg = new String[1];
        robot.interact(() -> svg[0] = SvgExport.of(reference, Theme.LIGHT));
        assertThat(svg[0]).startsWith("<?xml").contains("<svg").endsWith("</svg>\n")
                .contains(">Internal load balancer<", ">TCP 1433<", ">TCP 9000, 9003, 1438, 1440, 1452<", ">sqlmi-ref<", ">Management endpoint<")
                .contains("<path d=\"" + Icons.NSG + "\"");
        assertThat(SvgExport.escape("a<b & \"c\"")).isEqualTo("a&lt;b &amp; &quot;c&quot;");
    }
}
