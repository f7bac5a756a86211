/**
 * Shared building blocks used by every module: ids, Markdown, paging cursors, problem details and web helpers.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package de.kontor.shared;
