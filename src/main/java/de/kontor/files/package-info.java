/**
 * Files in a space: folders, uploads with versions, downloads and previews (images, page 1 of PDFs), stored in
 * PostgreSQL in chunks, content types detected with Apache Tika, text extracted for search. {@link de.kontor.files.FileStore}
 * lets other modules (mail attachments) store files under the same rules.
 */
package de.kontor.files;
