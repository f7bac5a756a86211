package de.kontor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.kontor.support.AbstractIT;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.WebSession;

class OrgUnitAdminIT extends AbstractIT {

    private long idOf(String name) {
        return data.jdbc().sql("select id from org_units where name = :n").param("n", name).query(Long.class).single();
    }

    private Long parentOf(long id) {
        return data.jdbc().sql("select parent_id from org_units where id = :id").param("id", id)
                .query(Long.class).optional().orElse(null);
    }

    @Test
    void createRenameMoveDelete() {
        TestData.TestUser admin = data.admin();
        WebSession s = login(admin);
        s.get("/admin/units");
        String top = TestData.unique("Werk");
        String child = TestData.unique("Abteilung");
        String grandChild = TestData.unique("Team");
        assertThat(s.post("/admin/units", Map.of("name", top, "parentId", "")).status()).isEqualTo(302);
        long topId = idOf(top);
        assertThat(s.post("/admin/units", Map.of("name", child, "parentId", Long.toString(topId))).status())
                .isEqualTo(302);
        long childId = idOf(child);
        assertThat(s.post("/admin/units", Map.of("name", grandChild, "parentId", Long.toString(childId))).status())
                .isEqualTo(302);
        long grandChildId = idOf(grandChild);

        Http tree = s.get("/admin/units");
        assertThat(tree.status()).isEqualTo(200);
        assertThat(tree.body()).containsSubsequence(top, child, grandChild)
                .contains(top + " › " + child + " › " + grandChild);

        // duplicate name, case-insensitive: 409 with the message beside the field
        Http dup = s.post("/admin/units", Map.of("name", top.toUpperCase(), "parentId", ""));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.body()).contains("id=\"name-error\"").contains("already exists");

        // moving a unit below its own descendant would make a cycle
        Http cycle = s.post("/admin/units/" + topId + "/move", Map.of("parentId", Long.toString(grandChildId)));
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.body()).contains("cannot be moved below itself");
        Http self = s.post("/admin/units/" + topId + "/move", Map.of("parentId", Long.toString(topId)));
        assertThat(self.status()).isEqualTo(422);
        assertThat(parentOf(topId)).isNull();

        // a unit with people or sub-units cannot be deleted
        TestData.TestUser member = data.member();
        data.jdbc().sql("update users set org_unit_id = :u where id = :id").param("u", grandChildId)
                .param("id", member.id()).update();
        Http withPeople = s.post("/admin/units/" + grandChildId + "/delete", Map.of());
        assertThat(withPeople.status()).isEqualTo(409);
        assertThat(withPeople.body()).contains("This unit still has 1 person.");
        Http withChildren = s.post("/admin/units/" + childId + "/delete", Map.of());
        assertThat(withChildren.status()).isEqualTo(409);
        assertThat(withChildren.body()).contains("still has sub-units");

        // moving the grand child to the top level, then renaming and deleting once empty
        assertThat(s.post("/admin/units/" + grandChildId + "/move", Map.of("parentId", "")).status()).isEqualTo(302);
        assertThat(parentOf(grandChildId)).isNull();
        String renamed = TestData.unique("Team neu");
        assertThat(s.post("/admin/units/" + grandChildId + "/rename", Map.of("name", renamed)).status())
                .isEqualTo(302);
        assertThat(idOf(renamed)).isEqualTo(grandChildId);
        assertThat(s.post("/admin/units/" + childId + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(data.jdbc().sql("select count(*) from org_units where id = :id").param("id", childId)
                .query(Integer.class).single()).isZero();

        assertThat(data.jdbc().sql("""
                        select count(*) from audit_log where actor_id = :a
                        and action in ('unit.created', 'unit.moved', 'unit.renamed', 'unit.deleted')""")
                .param("a", admin.id()).query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void membersCannotManageUnits() {
        WebSession s = login(data.member());
        s.get("/settings/profile");
        assertThat(s.get("/admin/units").status()).isEqualTo(403);
        assertThat(s.post("/admin/units", Map.of("name", TestData.unique("X"))).status()).isEqualTo(403);
    }
}
