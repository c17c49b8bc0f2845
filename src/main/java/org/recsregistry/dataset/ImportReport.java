package org.recsregistry.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import of the dataset changed: counts per kind of record, and the ids it touched. */
public final class ImportReport {

    private final Map<String, Integer> created = new TreeMap<>();
    private final Map<String, Integer> updated = new TreeMap<>();
    private final Map<String, Integer> unchanged = new TreeMap<>();
    private final List<String> changedIds = new ArrayList<>();
    private int eventsAppended;
    private int eventsAlreadyPresent;

    void created(String kind, String id) {
        created.merge(kind, 1, Integer::sum);
        changedIds.add(id);
    }

    void updated(String kind, String id) {
        updated.merge(kind, 1, Integer::sum);
        changedIds.add(id);
    }

    void unchanged(String kind) {
        unchanged.merge(kind, 1, Integer::sum);
    }

    void eventAppended() {
        eventsAppended++;
    }

    void eventAlreadyPresent() {
        eventsAlreadyPresent++;
    }

    public Map<String, Integer> created() {
        return created;
    }

    public Map<String, Integer> updated() {
        return updated;
    }

    public Map<String, Integer> unchanged() {
        return unchanged;
    }

    public List<String> changedIds() {
        return changedIds;
    }

    public int eventsAppended() {
        return eventsAppended;
    }

    public int eventsAlreadyPresent() {
        return eventsAlreadyPresent;
    }

    @Override
    public String toString() {
        return "created " + created + ", updated " + updated + ", unchanged " + unchanged
                + ", status events appended " + eventsAppended + ", already present " + eventsAlreadyPresent;
    }
}
