package io.github.d365bridge.sandbox.d365.seed;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The legal entities of the demo data, in key order (dataAreaId sorts first in every key). */
public final class Companies {

    private final List<LegalEntity> entities;

    public Companies(List<String> ids) {
        this.entities = ids.stream().map(LegalEntity::of).sorted(Comparator.comparing(LegalEntity::id)).toList();
    }

    public int size() {
        return entities.size();
    }

    public LegalEntity get(int index) {
        return entities.get(index);
    }

    /** Position of a company id (any case), or -1. */
    public int indexOf(Object id) {
        if (!(id instanceof String text)) {
            return -1;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i).id().equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    public LegalEntity byId(String id) {
        int index = indexOf(id);
        return index < 0 ? LegalEntity.of(id) : entities.get(index);
    }

    public List<LegalEntity> all() {
        return entities;
    }
}
