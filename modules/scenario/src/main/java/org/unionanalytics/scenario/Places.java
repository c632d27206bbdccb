package org.unionanalytics.scenario;

import org.unionanalytics.domain.shared.District;

import java.util.ArrayList;
import java.util.List;

/**
 * Ningbo's 154 townships and streets (the source counts them, but names none), numbered within
 * their districts roughly as the districts' sizes go.
 */
final class Places {

    private static final int[] TOWNSHIPS = {
            17, 8, 6, 9, 22, 11, 20, 18, 18, 18, // Haishu .. Xiangshan
            2, 1, 2, 1, 1};                      // Gaoxin, Dongqianhu, Hangzhouwan, Daxie, Meishan

    record Township(District district, String code) {

        String federationId() {
            return "union-" + code.toLowerCase();
        }
    }

    static final List<Township> ALL = townships();

    private Places() {
    }

    private static List<Township> townships() {
        List<Township> all = new ArrayList<>();
        District[] districts = District.values();
        for (int d = 0; d < districts.length; d++) {
            for (int n = 1; n <= TOWNSHIPS[d]; n++) {
                all.add(new Township(districts[d], String.format("%s-%02d", districts[d].name(), n)));
            }
        }
        return List.copyOf(all);
    }

    static String districtFederationId(District district) {
        return "union-" + district.name().toLowerCase();
    }
}
