/**
 * Social media monitoring: sources (feeds, Mastodon, webhooks) are heard, mentions matching a topic's keyword query
 * are stored with language and sentiment, and the monitoring team works them in a customer-service inbox. The public
 * surface is the events other modules react to ({@link de.kontor.monitoring.TopicSpiked},
 * {@link de.kontor.monitoring.MentionOverdue}).
 */
package de.kontor.monitoring;
