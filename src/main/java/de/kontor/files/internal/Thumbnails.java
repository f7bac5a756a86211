package de.kontor.files.internal;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Page 1 of a PDF as a small PNG, rendered with PDFBox at a low resolution the first time it is asked for and kept in
 * {@code file_previews} (every node shares it). PDFs above {@code kontor.files.max-preview-size} get no thumbnail.
 */
@Component
class Thumbnails {

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);
    private static final float DPI = 48f;
    private static final int MAX_WIDTH = 480;

    private final FileRepository repo;
    private final FileContent content;
    private final long maxSize;

    Thumbnails(FileRepository repo, FileContent content, FilesProperties properties) {
        this.repo = repo;
        this.content = content;
        this.maxSize = properties.maxPreviewSize().toBytes();
    }

    Optional<byte[]> pdf(StoredFileRow f) {
        if (!f.pdf() || f.size() > maxSize) {
            return Optional.empty();
        }
        return repo.preview(f.versionId()).or(() -> {
            Optional<byte[]> png = render(f.versionId());
            png.ifPresent(p -> repo.savePreview(f.versionId(), p));
            return png;
        });
    }

    private Optional<byte[]> render(long versionId) {
        try (InputStream in = content.open(versionId);
             PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
            if (doc.getNumberOfPages() == 0) {
                return Optional.empty();
            }
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.RGB);
            BufferedImage image = page;
            if (page.getWidth() > MAX_WIDTH) {
                int height = Math.max(1, page.getHeight() * MAX_WIDTH / page.getWidth());
                image = new BufferedImage(MAX_WIDTH, height, BufferedImage.TYPE_INT_RGB);
                image.getGraphics().drawImage(page.getScaledInstance(MAX_WIDTH, height, Image.SCALE_SMOOTH), 0, 0,
                        null);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            log.info("No thumbnail for file version {}: {}", versionId, e.toString());
            return Optional.empty();
        }
    }
}
