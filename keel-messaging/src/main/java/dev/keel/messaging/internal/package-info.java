/** Implementation of keel-messaging: the transports, subscriber loop, outbox relay and inbox. */
package dev.keel.messaging.internal;
