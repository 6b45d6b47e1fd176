/** Extension point of keel-messaging: a {@link dev.keel.messaging.spi.Transport} per broker. */
package dev.keel.messaging.spi;
