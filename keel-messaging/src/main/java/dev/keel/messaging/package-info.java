/**
 * Typed publish/subscribe over Kafka, NATS JetStream and RabbitMQ with a transactional outbox; a
 * resilient HTTP client.
 */
package dev.keel.messaging;
