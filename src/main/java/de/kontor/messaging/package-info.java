/**
 * Direct messages: one-to-one and group conversations, visible to their participants only.
 */
package de.kontor.messaging;
