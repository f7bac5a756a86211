package de.kontor.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OrgUnitTreeTest {

    @Test
    void parentsComeBeforeChildrenWithPathsAndTotals() {
        OrgUnitRepository repo = new OrgUnitRepository(null) {
            @Override
            List<OrgUnit> all() {
                return List.of(new OrgUnit(3, "backend", 2L, 4), new OrgUnit(1, "Sales", null, 1),
                        new OrgUnit(2, "Engineering", null, 2), new OrgUnit(4, "Api", 2L, 0));
            }
        };
        List<OrgUnits.UnitRow> rows = new OrgUnits(repo, null).tree();
        assertThat(rows).extracting(OrgUnits.UnitRow::path)
                .containsExactly("Engineering", "Engineering › Api", "Engineering › backend", "Sales");
        assertThat(rows).extracting(OrgUnits.UnitRow::depth).containsExactly(0, 1, 1, 0);
        assertThat(rows.getFirst().peopleTotal()).isEqualTo(6);
        assertThat(rows.getFirst().hasChildren()).isTrue();
    }
}
