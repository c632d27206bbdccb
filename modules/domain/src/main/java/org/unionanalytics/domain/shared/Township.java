package org.unionanalytics.domain.shared;

import java.util.regex.Pattern;

/**
 * Townships and streets are not named in the source text, so they are numbered within their
 * district: {@code HAISHU-03} is the third township of Haishu. A township code always names the
 * district it lies in, which lets every command check that the two agree.
 */
public final class Township {

    private static final Pattern CODE = Pattern.compile("([A-Z]+)-(\\d{2})");

    private Township() {
    }

    public static void requireIn(District district, String township) {
        var match = township == null ? null : CODE.matcher(township);
        RuleViolation.require(match != null && match.matches(), "township-code",
                "township '" + township + "' is not a township code such as " + district + "-01");
        RuleViolation.require(match.group(1).equals(district.name()), "township-in-district",
                "township " + township + " does not lie in district " + district);
    }
}
