/**
 * Components that run in one process or many by configuration, with typed Java and TypeScript
 * clients.
 */
package dev.keel.services;
