package org.unionanalytics.domain.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void an_id_names_its_type_then_a_dash_then_plain_characters() {
        assertTrue(Ids.isOfType("member-00000001", Ids.MEMBER));
        assertTrue(Ids.isOfType("member-a_b.c-d", Ids.MEMBER));
        assertTrue(Ids.isOfType("member-" + "9".repeat(93), Ids.MEMBER));
    }

    @Test
    void an_id_of_another_type_or_shape_is_not_accepted() {
        assertFalse(Ids.isOfType(null, Ids.MEMBER));
        assertFalse(Ids.isOfType("member-", Ids.MEMBER));
        assertFalse(Ids.isOfType("members-1", Ids.MEMBER));
        assertFalse(Ids.isOfType("union-1", Ids.MEMBER));
        assertFalse(Ids.isOfType("member-张三", Ids.MEMBER));
        assertFalse(Ids.isOfType("member-a b", Ids.MEMBER));
        assertFalse(Ids.isOfType("member-" + "9".repeat(94), Ids.MEMBER));
    }

    @Test
    void a_refused_id_says_what_an_id_of_its_type_looks_like() {
        RuleViolation refused = assertThrows(RuleViolation.class, () -> Ids.require("union-7", Ids.MEMBER));
        assertEquals("id-format", refused.rule());
        assertTrue(refused.getMessage().startsWith("'union-7' is not a member id"), refused.getMessage());
    }
}
