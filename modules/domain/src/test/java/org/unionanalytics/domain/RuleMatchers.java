package org.unionanalytics.domain;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.unionanalytics.domain.shared.RuleViolation;

/** Matches a refusal by the rule it names, so tests check which rule refused, not only that one did. */
public final class RuleMatchers {

    private RuleMatchers() {
    }

    public static Matcher<RuleViolation> brokenRule(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.rule().equals(rule);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of rule ").appendValue(rule);
            }
        };
    }
}
