/**
 * Typed publish/subscribe over NATS JetStream, RabbitMQ and Kafka with one API, a transactional
 * outbox and idempotent consumers on the application's database; start at {@link
 * dev.keel.messaging.Messaging}.
 */
package dev.keel.messaging;
