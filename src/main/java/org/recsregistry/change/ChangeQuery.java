package org.recsregistry.change;



/** A validated change-feed query: the entries after {@code since} that match the filters. */
public record ChangeQuery(long since, int limit, ChangeFilter filter) {
}
