package dev.walrussync.ui.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;

/**
 * Shows a {@link QrCode} as large as its space allows, in whole pixels per module and with its white quiet zone, so
 * that every module is a crisp square a phone's camera can read; empty while the code is null. The image is drawn
 * again only when the code or the pixels per module change.
 *
 * <p>Usable from FXML ({@code <QrCodeView fx:id="qr" prefWidth="180" prefHeight="180"/>}); bind {@link
 * #qrCodeProperty()} to a view model's code. Not focus traversable; screen readers hear "QR code of" and the text.
 */
public final class QrCodeView extends Region {
    private static final double DEFAULT_SIZE = 180;

    private final ObjectProperty<@Nullable QrCode> qrCode = new SimpleObjectProperty<>(this, "qrCode");
    private final ImageView image = new ImageView();
    private @Nullable QrCode drawn;
    private int drawnScale;

    public QrCodeView() {
        getStyleClass().add("qr-code-view");
        image.setSmooth(false);
        image.setPreserveRatio(true);
        getChildren().add(image);
        setFocusTraversable(false);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        qrCode.addListener((o, was, now) -> {
            setAccessibleText(now == null ? null : "QR code of " + now.text());
            requestLayout();
        });
    }

    /** The code shown, or null for none. */
    public ObjectProperty<@Nullable QrCode> qrCodeProperty() {
        return qrCode;
    }

    public @Nullable QrCode getQrCode() {
        return qrCode.get();
    }

    public void setQrCode(@Nullable QrCode code) {
        qrCode.set(code);
    }

    /** Whole pixels per module in the image shown now; 0 when nothing is shown. Visible for testing. */
    public int moduleScale() {
        return drawn == null ? 0 : drawnScale;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return DEFAULT_SIZE + in.getLeft() + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return DEFAULT_SIZE + in.getTop() + in.getBottom();
    }

    @Override
    protected double computeMinWidth(double height) {
        QrCode code = qrCode.get();
        Insets in = getInsets();
        return (code == null ? 0 : code.pixelSize(1)) + in.getLeft() + in.getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        QrCode code = qrCode.get();
        Insets in = getInsets();
        return (code == null ? 0 : code.pixelSize(1)) + in.getTop() + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        QrCode code = qrCode.get();
        if (code == null) {
            image.setImage(null);
            drawn = null;
            return;
        }
        Insets in = getInsets();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        int scale = code.scaleToFit(Math.min(w, h));
        if (!code.equals(drawn) || scale != drawnScale) {
            int side = code.pixelSize(scale);
            WritableImage img = new WritableImage(side, side);
            img.getPixelWriter()
                    .setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), code.argb(scale), 0, side);
            image.setImage(img);
            drawn = code;
            drawnScale = scale;
        }
        double side = code.pixelSize(scale);
        // Whole-pixel position: a module edge between two pixels would blur.
        image.relocate(Math.round(in.getLeft() + (w - side) / 2), Math.round(in.getTop() + (h - side) / 2));
    }
}
