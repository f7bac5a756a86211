package de.kontor.files.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the files of a space ({@code kontor.files.*}): the size of one uploaded file, the bytes of all versions of
 * all files of one space, the largest PDF that gets a thumbnail, and how much extracted text is kept for search.
 */
@ConfigurationProperties(prefix = "kontor.files")
public record FilesProperties(DataSize maxFileSize, DataSize maxSpaceSize, DataSize maxPreviewSize,
                              DataSize maxTextSize) {

    public FilesProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
        maxSpaceSize = maxSpaceSize == null ? DataSize.ofGigabytes(2) : maxSpaceSize;
        maxPreviewSize = maxPreviewSize == null ? DataSize.ofMegabytes(20) : maxPreviewSize;
        maxTextSize = maxTextSize == null ? DataSize.ofMegabytes(1) : maxTextSize;
    }
}
