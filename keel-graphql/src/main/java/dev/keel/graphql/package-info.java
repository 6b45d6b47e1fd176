/** GraphQL from the same records and security as the REST API, on graphql-java. */
package dev.keel.graphql;
