package org.unionanalytics.domain.membership;

import java.time.LocalDate;

public record MemberTransferred(String memberId, String fromUnionId, String toUnionId, LocalDate transferredOn) {
}
