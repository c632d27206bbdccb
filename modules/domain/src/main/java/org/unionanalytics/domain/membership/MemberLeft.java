package org.unionanalytics.domain.membership;

import java.time.LocalDate;

public record MemberLeft(String memberId, String unionId, LocalDate leftOn) {
}
