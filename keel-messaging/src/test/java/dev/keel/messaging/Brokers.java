package dev.keel.messaging;

/** The brokers the tests run against: NATS and RabbitMQ as they run here, Kafka started by us. */
enum Brokers {
  NATS,
  RABBITMQ,
  KAFKA;

  Messaging messaging() {
    return switch (this) {
      case NATS -> Messaging.nats("nats://127.0.0.1:4222");
      case RABBITMQ -> Messaging.rabbitMq("amqp://guest:guest@127.0.0.1:5672");
      case KAFKA -> Messaging.kafka(KafkaBroker.bootstrap());
    };
  }
}
