package dev.walrussync.ui.controls;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;

/** Reads QR codes back with ZXing's own reader, from ARGB pixels: no AWT. */
public final class QrDecoding {
    private QrDecoding() {}

    /** The text of the QR code in these pixels, as a phone's reader would find it. */
    public static String decode(int[] argb, int width, int height)
            throws NotFoundException, ChecksumException, FormatException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, argb)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE, DecodeHintType.TRY_HARDER, true))
                .getText();
    }
}
