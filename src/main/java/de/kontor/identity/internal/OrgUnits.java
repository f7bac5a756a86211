package de.kontor.identity.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.shared.AuditLog;
import de.kontor.shared.DomainException;
import de.kontor.shared.Validation;

/** Org units: the tree for display and pickers, and the admin's changes to it (each one audited). */
@Service
public class OrgUnits {

    /** A unit in tree order: depth and full path for display, people directly in it and in it plus below. */
    public record UnitRow(long id, String name, Long parentId, int depth, String path, int people, int peopleTotal,
                          boolean hasChildren) {
    }

    private final OrgUnitRepository units;
    private final AuditLog audit;

    OrgUnits(OrgUnitRepository units, AuditLog audit) {
        this.units = units;
        this.audit = audit;
    }

    /** All units, parents before their children, siblings by name. */
    public List<UnitRow> tree() {
        List<OrgUnitRepository.OrgUnit> all = units.all();
        Map<Long, List<OrgUnitRepository.OrgUnit>> children = new HashMap<>();
        for (OrgUnitRepository.OrgUnit u : all) {
            children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
        }
        children.values().forEach(l -> l.sort(Comparator.comparing((OrgUnitRepository.OrgUnit u) ->
                u.name().toLowerCase(java.util.Locale.ROOT)).thenComparingLong(OrgUnitRepository.OrgUnit::id)));
        List<UnitRow> rows = new ArrayList<>();
        add(rows, children, null, 0, "");
        return rows;
    }

    private static int add(List<UnitRow> rows, Map<Long, List<OrgUnitRepository.OrgUnit>> children, Long parent,
                           int depth, String prefix) {
        int total = 0;
        for (OrgUnitRepository.OrgUnit u : children.getOrDefault(parent, List.of())) {
            int index = rows.size();
            String path = prefix.isEmpty() ? u.name() : prefix + " › " + u.name();
            rows.add(null);
            int below = add(rows, children, u.id(), depth + 1, path);
            rows.set(index, new UnitRow(u.id(), u.name(), u.parentId(), depth, path, u.people(), u.people() + below,
                    children.containsKey(u.id())));
            total += u.people() + below;
        }
        return total;
    }

    public Optional<UnitRow> find(long id) {
        return tree().stream().filter(r -> r.id() == id).findFirst();
    }

    @Transactional
    public long create(KontorUser actor, String name, String parentId, String ip) {
        requireAdmin(actor);
        validateName(name);
        Long parent = parent(parentId);
        requireUniqueName(name, null);
        long id = insert(name, parent);
        audit.record(actor.id(), "unit.created", "org_unit:" + id, ip, name.strip());
        return id;
    }

    @Transactional
    public void rename(KontorUser actor, long id, String name, String ip) {
        requireAdmin(actor);
        requireUnit(id);
        validateName(name);
        requireUniqueName(name, id);
        try {
            units.rename(id, name);
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("name", "units.duplicate", name.strip());
        }
        audit.record(actor.id(), "unit.renamed", "org_unit:" + id, ip, name.strip());
    }

    @Transactional
    public void move(KontorUser actor, long id, String parentId, String ip) {
        requireAdmin(actor);
        requireUnit(id);
        Long parent = parent(parentId);
        if (parent != null && units.isSelfOrBelow(parent, id)) {
            throw new DomainException.Invalid("parentId", "units.cycle");
        }
        units.move(id, parent);
        audit.record(actor.id(), "unit.moved", "org_unit:" + id, ip, parent == null ? "top level" : "org_unit:" + parent);
    }

    @Transactional
    public void delete(KontorUser actor, long id, String ip) {
        requireAdmin(actor);
        requireUnit(id);
        if (units.hasChildren(id)) {
            throw new DomainException.Conflict("_form", "units.hasChildren");
        }
        int people = units.people(id);
        if (people > 0) {
            throw new DomainException.Conflict("_form", "units.notEmpty", people);
        }
        units.delete(id);
        audit.record(actor.id(), "unit.deleted", "org_unit:" + id, ip, null);
    }

    /** Resolves a unit name (case-insensitive) for the CSV import. */
    Optional<Long> idByName(String name) {
        return units.idByName(name);
    }

    /** Creates a unit without audit; the import writes one audit entry for the whole file. */
    long insert(String name, Long parent) {
        try {
            return units.create(name, parent);
        } catch (DuplicateKeyException e) {
            throw new DomainException.Conflict("name", "units.duplicate", name.strip());
        }
    }

    boolean exists(long id) {
        return units.exists(id);
    }

    private static void requireAdmin(KontorUser actor) {
        if (actor == null || !actor.admin()) {
            throw new DomainException.Forbidden();
        }
    }

    private void requireUnit(long id) {
        if (!units.exists(id)) {
            throw new DomainException.NotFound();
        }
    }

    private static void validateName(String name) {
        new Validation().length("name", name, 1, 120).throwIfInvalid();
    }

    private void requireUniqueName(String name, Long except) {
        units.idByName(name).filter(other -> !other.equals(except)).ifPresent(other -> {
            throw new DomainException.Conflict("name", "units.duplicate", name.strip());
        });
    }

    private Long parent(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.strip());
            if (units.exists(id)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below like an unknown unit
        }
        throw new DomainException.Invalid("parentId", "units.parentUnknown");
    }
}
