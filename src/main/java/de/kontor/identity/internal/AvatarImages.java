package de.kontor.identity.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

import de.kontor.shared.DomainException;

/**
 * Turns an uploaded picture into a square avatar of at most 256×256. The format is recognised by decoding the
 * bytes with ImageIO, never by the file name or the declared content type.
 */
@Component
class AvatarImages {

    static final int SIZE = 256;
    /** Guards against "decompression bombs": a small file that declares a gigantic canvas. */
    private static final long MAX_PIXELS = 40_000_000L;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "webp");

    record Scaled(byte[] bytes, String contentType) {
    }

    Scaled scale(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw notAnImage();
                }
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
                    throw new DomainException.Invalid("avatar", "avatar.tooManyPixels");
                }
                BufferedImage source = reader.read(0);
                boolean opaque = format.equals("jpeg") || !source.getColorModel().hasAlpha();
                return encode(square(source, opaque), opaque);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw notAnImage();
        }
    }

    /** Crops the centre square and scales it down (never up) to {@link #SIZE}. */
    private static BufferedImage square(BufferedImage source, boolean opaque) {
        int side = Math.min(source.getWidth(), source.getHeight());
        int x = (source.getWidth() - side) / 2;
        int y = (source.getHeight() - side) / 2;
        int target = Math.min(side, SIZE);
        BufferedImage out = new BufferedImage(target, target,
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, target, target, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Photos become JPEG (small); pictures with transparency stay PNG. */
    private static Scaled encode(BufferedImage image, boolean opaque) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String format = opaque ? "jpeg" : "png";
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return new Scaled(out.toByteArray(), opaque ? "image/jpeg" : "image/png");
    }

    private static DomainException notAnImage() {
        return new DomainException.Invalid("avatar", "avatar.notAnImage");
    }
}
