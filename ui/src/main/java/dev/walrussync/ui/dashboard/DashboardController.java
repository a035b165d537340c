package dev.walrussync.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the dashboard: a card per folder, the money tiles and the alerts. */
public final class DashboardController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private final DashboardViewModel viewModel;

    @FXML
    private Label headline;

    @FXML
    private VBox folderCards;

    @FXML
    private Label emptyNote;

    @FXML
    private Label wal;

    @FXML
    private Label sui;

    @FXML
    private Label runway;

    @FXML
    private Label costPerMonth;

    @FXML
    private Label stored;

    @FXML
    private Label network;

    @FXML
    private Label walrusNote;

    @FXML
    private VBox alerts;

    @FXML
    private Label protectedBytes;

    @FXML
    private VBox expirySection;

    @FXML
    private AreaChart<Number, Number> expiryChart;

    @FXML
    private NumberAxis expiryDays;

    public DashboardController(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(viewModel.headlineProperty());
        wal.textProperty().bind(viewModel.walProperty());
        sui.textProperty().bind(viewModel.suiProperty());
        runway.textProperty().bind(viewModel.runwayProperty());
        costPerMonth.textProperty().bind(viewModel.costPerMonthProperty());
        stored.textProperty().bind(viewModel.storedProperty());
        network.textProperty().bind(viewModel.networkProperty());
        walrusNote.textProperty().bind(viewModel.walrusNoteProperty());
        walrusNote.visibleProperty().bind(viewModel.walrusNoteProperty().isNotEmpty());
        walrusNote.managedProperty().bind(walrusNote.visibleProperty());
        emptyNote.visibleProperty().bind(viewModel.emptyProperty());
        emptyNote.managedProperty().bind(emptyNote.visibleProperty());
        viewModel.folders().addListener((ListChangeListener<FolderCard>) c -> renderFolders());
        viewModel.alerts().addListener((ListChangeListener<String>) c -> renderAlerts());
        protectedBytes.textProperty().bind(viewModel.protectedBytesProperty());
        expirySection.visibleProperty().bind(Bindings.isNotEmpty(viewModel.expiry()));
        expirySection.managedProperty().bind(expirySection.visibleProperty());
        viewModel.expiry().addListener((ListChangeListener<ExpiryBar>) c -> renderExpiry());
        renderFolders();
        renderAlerts();
        renderExpiry();
    }

    private void renderExpiry() {
        Instant now = viewModel.now();
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        double lastDay = 0;
        for (DashboardViewModel.CurvePoint p : DashboardViewModel.curve(viewModel.expiry(), now)) {
            series.getData().add(new XYChart.Data<>(p.days(), p.bytes() / (1024.0 * 1024.0)));
            lastDay = Math.max(lastDay, p.days());
        }
        // Over half a year, days alone would be ambiguous: months with the year.
        DateTimeFormatter format = lastDay > 180 ? MONTH : DAY;
        expiryChart.getData().setAll(List.of(series));
        expiryDays.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number days) {
                return format.format(now.plus(Duration.ofMinutes(Math.round(days.doubleValue() * 24 * 60)))
                        .atZone(ZoneId.systemDefault()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("the axis is not edited");
            }
        });
        expiryChart.setAccessibleText(viewModel.expiry().stream()
                .map(b -> b.label() + ": " + b.bytes() + " bytes in " + b.blobs() + " blobs")
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
    }

    private void renderFolders() {
        folderCards
                .getChildren()
                .setAll(viewModel.folders().stream()
                        .map(DashboardController::card)
                        .toList());
    }

    private void renderAlerts() {
        alerts.getChildren()
                .setAll(viewModel.alerts().stream()
                        .map(text -> {
                            Label l = new Label(text);
                            l.setWrapText(true);
                            l.getStyleClass().add("alert");
                            return l;
                        })
                        .toList());
        alerts.setVisible(!viewModel.alerts().isEmpty());
        alerts.setManaged(alerts.isVisible());
    }

    private static Region card(FolderCard f) {
        Label name = new Label(f.name());
        name.getStyleClass().add("card-title");
        Label badge = new Label(f.state());
        badge.getStyleClass().addAll("badge", f.styleClass());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, name, badge, spacer, new Label(f.lastSnapshot()));
        if (!f.next().isEmpty()) {
            Label next = new Label(f.next());
            next.getStyleClass().add("muted");
            top.getChildren().add(next);
        }
        top.setAlignment(Pos.CENTER_LEFT);
        Label path = new Label(f.size().isEmpty() ? f.path() : f.path() + " · " + f.size());
        path.getStyleClass().add("muted");
        Label detail = new Label(f.detail());
        detail.setWrapText(true);
        detail.getStyleClass().add(f.styleClass().equals("state-error") ? "error-text" : "body-text");
        VBox box = new VBox(6, top, path, detail);
        if (f.styleClass().equals("state-busy")) {
            ProgressBar bar = new ProgressBar(f.progress() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : f.progress());
            bar.setMaxWidth(Double.MAX_VALUE);
            box.getChildren().add(bar);
        }
        box.getStyleClass().addAll("card", "folder-card");
        box.setAccessibleText(f.name() + ": " + f.state() + ". " + f.detail());
        box.setFocusTraversable(true);
        return box;
    }
}
